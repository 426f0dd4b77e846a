import { generateKeyPairSync } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alice, createMergeTrainRepository, zoe, type MergeTrainRepository } from "@/e2e/github-emulator/create-merge-train-repository";
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from "@/e2e/github-emulator/github-emulator";
import { githubContractViolations } from "@/e2e/github-emulator/github-openapi-contract";
import { createGitHubClient, isGitHubError, type GitHubClientOptions, type GitHubClock } from "./index";

const TOKEN = "ghp_s3cretTokenThatMustNeverLeak0123456789";
const fleet = { owner: "acme", repo: "fleet" };

let history: MergeTrainRepository;
const emulators: GitHubEmulator[] = [];

beforeAll(async () => {
  history = await createMergeTrainRepository();
});

/** Every answer any test received must have GitHub's shape for its operation and status. */
afterEach(() => {
  const exchanges = emulators.flatMap((emulator) => emulator.exchanges.splice(0));
  expect(exchanges.flatMap(githubContractViolations)).toEqual([]);
});

afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  await rm(history.root, { recursive: true, force: true });
});

async function emulator(options: Partial<GitHubEmulatorOptions> = {}): Promise<GitHubEmulator> {
  const started = await startGitHubEmulator({
    repositories: { "acme/fleet": history.gitDir },
    tokens: [TOKEN],
    logins: { [alice.email]: alice.login, [zoe.email]: zoe.login },
    ...options,
  });
  started.registerPullRequest("acme/fleet", { number: 1, title: "Deploy podinfo 6.7", mergedBy: "carol", mergeCommitSha: history.firstMerge, author: zoe.login });
  started.registerPullRequest("acme/fleet", { number: 2, title: "Set podinfo memory limits", mergedBy: "dave", mergeCommitSha: history.secondMerge, author: zoe.login });
  emulators.push(started);
  return started;
}

/** A clock whose sleep moves time instead of waiting, recording every wait. */
function fakeClock(start = Date.parse("2026-03-02T12:00:00Z")) {
  let now = start;
  const waits: number[] = [];
  const clock: GitHubClock = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
  return { clock, waits, now: () => now };
}

function client(server: GitHubEmulator, options: Partial<GitHubClientOptions> = {}) {
  return createGitHubClient({ baseUrl: server.baseUrl, auth: { kind: "token", token: TOKEN }, ...options });
}

describe("pull request and merger attribution", () => {
  it("attributes each commit of a merge train to the pull request that brought it in and to who merged it", async () => {
    const server = await emulator();
    const commits = await client(server).attributedCommits(fleet, history.initial, history.secondMerge);

    expect(commits.map((commit) => [commit.sha, commit.author.name, commit.pullRequest?.number, commit.pullRequest?.mergedBy])).toEqual([
      [history.secondMerge, alice.name, 2, "dave"],
      [history.third, zoe.name, 2, "dave"],
      [history.firstMerge, alice.name, 1, "carol"],
      [history.second, alice.name, 1, "carol"],
      [history.first, zoe.name, 1, "carol"],
    ]);
    const zoesFirst = commits.find((commit) => commit.sha === history.first);
    expect(zoesFirst?.author).toMatchObject({ name: "Zoë Lefèvre", email: zoe.email, login: "zoe" });
    expect(zoesFirst?.message).toBe("Deploy podinfo 6.7");
    expect(zoesFirst?.pullRequest).toMatchObject({ title: "Deploy podinfo 6.7", webUrl: `${server.webUrl}/acme/fleet/pull/1`, mergeCommitSha: history.firstMerge });
  });

  it("shows a direct push as a commit without a pull request", async () => {
    const server = await emulator();
    const commits = await client(server).attributedCommits(fleet, history.secondMerge, history.directPush);

    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({ sha: history.directPush, message: "Hotfix: podinfo image tag", pullRequest: null, author: { name: alice.name, login: "alice" } });
  });

  it("links commits and pull requests to the web pages GitHub serves them on", async () => {
    const server = await emulator();
    const github = client(server);
    const [commit] = await github.attributedCommits(fleet, history.secondMerge, history.directPush);

    expect(commit?.webUrl).toBe(github.commitUrl(fleet, history.directPush));
    expect(github.commitUrl(fleet, history.directPush)).toBe(`${server.webUrl}/acme/fleet/commit/${history.directPush}`);
    expect(github.pullRequestUrl(fleet, 2)).toBe(`${server.webUrl}/acme/fleet/pull/2`);
  });

  it("reads every page of a long comparison", async () => {
    const server = await emulator();
    const range = await client(server).compareCommits(fleet, history.initial, history.directPush);

    expect(range).toMatchObject({ status: "ahead", aheadBy: 6, behindBy: 0 });
    expect(range.commits.map((commit) => commit.sha)).toEqual([history.directPush, history.secondMerge, history.third, history.firstMerge, history.second, history.first]);
  });

  it("tells a revision that went backwards (a force-push or revert) from new commits", async () => {
    const server = await emulator();
    const range = await client(server).compareCommits(fleet, history.directPush, history.firstMerge);

    expect(range).toMatchObject({ status: "behind", aheadBy: 0, behindBy: 3, commits: [] });
  });
});

describe("rate limits", () => {
  it("answers a repeated question from the ETag cache without spending rate-limit budget", async () => {
    const server = await emulator();
    const github = client(server);
    const first = await github.attributedCommits(fleet, history.initial, history.secondMerge);
    const spent = server.rateLimitRemaining();

    const again = await github.attributedCommits(fleet, history.initial, history.secondMerge);

    expect(again).toEqual(first);
    expect(server.rateLimitRemaining()).toBe(spent);
    expect(server.exchanges.filter((exchange) => exchange.status === 304).length).toBeGreaterThan(0);
    expect(server.exchanges.slice(-3).every((exchange) => exchange.status === 304)).toBe(true);
    expect(github.rateLimit()).toMatchObject({ limit: 5000, remaining: spent, resource: "core" });
  });

  it("exposes the budget GitHub states on every answer", async () => {
    const server = await emulator();
    const github = client(server);
    expect(github.rateLimit()).toBeUndefined();

    await github.compareCommits(fleet, history.initial, history.firstMerge);

    expect(github.rateLimit()?.remaining).toBe(server.rateLimitRemaining());
    expect(github.rateLimit()?.remaining).toBe(4999);
  });

  it("waits until the reset after a 403 with x-ratelimit-remaining 0, then succeeds", async () => {
    const time = fakeClock();
    const server = await emulator({ now: time.now });
    const github = client(server, { clock: time.clock });
    const resetAt = Math.floor(time.now() / 1000) + 120;
    server.exhaustRateLimit(resetAt);

    const range = await github.compareCommits(fleet, history.secondMerge, history.directPush);

    expect(range.commits.map((commit) => commit.sha)).toEqual([history.directPush]);
    expect(time.waits).toHaveLength(1);
    expect(time.now()).toBeGreaterThanOrEqual(resetAt * 1000);
    expect(server.exchanges.map((exchange) => exchange.status)).toEqual([403, 200]);
    expect(github.rateLimit()?.remaining).toBe(4999);
  });

  it("fails with rate-limited and the reset time, instead of waiting longer than allowed", async () => {
    const time = fakeClock();
    const server = await emulator({ now: time.now });
    const github = client(server, { clock: time.clock, maxRateLimitWaitMs: 60_000 });
    const resetAt = Math.floor(time.now() / 1000) + 3600;
    server.exhaustRateLimit(resetAt);

    const failure = await github.compareCommits(fleet, history.initial, history.firstMerge).catch((error: unknown) => error);

    expect(isGitHubError(failure) && failure.reason).toBe("rate-limited");
    expect(isGitHubError(failure) && failure.resetAt?.getTime()).toBe(resetAt * 1000);
    expect(time.waits).toEqual([]);
  });

  it.each([403, 429] as const)("waits as long as retry-after says after a secondary rate limit (%i)", async (status) => {
    const time = fakeClock();
    const server = await emulator({ now: time.now });
    const github = client(server, { clock: time.clock });
    server.refuseNextWithSecondaryLimit(30, status);

    await github.compareCommits(fleet, history.secondMerge, history.directPush);

    expect(time.waits).toEqual([30_000]);
    expect(server.exchanges.map((exchange) => exchange.status)).toEqual([status, 200]);
  });
});

describe("authentication and errors", () => {
  it("never puts the token in an error", async () => {
    const server = await emulator({ tokens: [] });
    const failure = await client(server).compareCommits(fleet, history.initial, history.firstMerge).catch((error: unknown) => error);

    expect(isGitHubError(failure) && failure.reason).toBe("authentication-failed");
    expect(isGitHubError(failure) && failure.status).toBe(401);
    expect(JSON.stringify(failure, Object.getOwnPropertyNames(failure))).not.toContain(TOKEN);
    expect(String(failure)).not.toContain(TOKEN);
  });

  it("reports an unknown revision as not found", async () => {
    const server = await emulator();
    const failure = await client(server).compareCommits(fleet, history.initial, "0".repeat(40)).catch((error: unknown) => error);

    expect(isGitHubError(failure) && failure.reason).toBe("not-found");
  });

  it("reports a host that does not answer as unreachable, without the token", async () => {
    const server = await emulator();
    await server.close();
    emulators.splice(emulators.indexOf(server), 1);
    const failure = await client(server).compareCommits(fleet, history.initial, history.firstMerge).catch((error: unknown) => error);

    expect(isGitHubError(failure) && failure.reason).toBe("host-unreachable");
    expect(String(failure)).not.toContain(TOKEN);
  });

  it("works against GitHub Enterprise Server through its /api/v3 base URL, with web links on the host", async () => {
    const server = await emulator({ pathPrefix: "/api/v3" });
    expect(server.baseUrl).toMatch(/\/api\/v3$/);
    const github = client(server);

    const [commit] = await github.attributedCommits(fleet, history.secondMerge, history.directPush);

    expect(commit?.sha).toBe(history.directPush);
    expect(github.commitUrl(fleet, history.directPush)).toBe(`${server.webUrl}/acme/fleet/commit/${history.directPush}`);
    expect(server.exchanges.every((exchange) => exchange.operation !== undefined)).toBe(true);
  });

  it("authenticates as a GitHub App installation and attributes pull requests", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const server = await emulator({ tokens: [], app: { appId: "4242", publicKey, installationId: 77 } });
    const github = createGitHubClient({ baseUrl: server.baseUrl, auth: { kind: "app", appId: 4242, privateKey, installationId: 77 } });

    const commits = await github.attributedCommits(fleet, history.initial, history.firstMerge);

    expect(commits.map((commit) => commit.pullRequest?.mergedBy)).toEqual(["carol", "carol", "carol"]);
    expect(server.exchanges[0]).toMatchObject({ method: "POST", status: 201 });
  });

  it("fails with authentication-failed for an App whose key GitHub does not know, without the key", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } });
    const other = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const server = await emulator({ tokens: [], app: { appId: "4242", publicKey, installationId: 77 } });
    const github = createGitHubClient({ baseUrl: server.baseUrl, auth: { kind: "app", appId: 4242, privateKey: other.privateKey, installationId: 77 } });

    const failure = await github.compareCommits(fleet, history.initial, history.firstMerge).catch((error: unknown) => error);

    expect(isGitHubError(failure) && failure.reason).toBe("authentication-failed");
    expect(String(failure)).not.toContain("PRIVATE KEY");
  });
});

describe("the emulator's contract with GitHub's OpenAPI description", () => {
  it("rejects an answer that lost a field GitHub always sends", () => {
    const violations = githubContractViolations({
      method: "GET",
      operation: "/repos/{owner}/{repo}/pulls/{pull_number}",
      path: "/repos/acme/fleet/pulls/1",
      status: 200,
      body: { number: 1, title: "no merged_by" },
    });

    expect(violations.some((violation) => violation.includes("merged_by"))).toBe(true);
  });

  it("rejects an answer for a route GitHub does not have", () => {
    expect(githubContractViolations({ method: "GET", operation: undefined, path: "/nope", status: 404, body: {} })).toHaveLength(1);
  });
});
