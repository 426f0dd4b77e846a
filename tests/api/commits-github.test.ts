import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alice, createMergeTrainRepository, zoe, type MergeTrainRepository } from "@/e2e/github-emulator/create-merge-train-repository";
import { startGitHubEmulator, type GitHubEmulator } from "@/e2e/github-emulator/github-emulator";
import { githubContractViolations } from "@/e2e/github-emulator/github-openapi-contract";
import { startGitServer, type GitServer } from "@/e2e/sandbox/git-server";
import { GET as repositoriesRoute } from "@/app/api/repositories/route";
import { systemActor } from "@/lib/auth/actor";
import { enrichPendingCommits, readCommits, registerSourceRepository } from "@/lib/commits";
import { db } from "@/lib/db/client";
import { createGitClient } from "@/lib/git";
import { addGitCredential } from "@/lib/git-credentials";
import type { SourceRepositoryDto } from "@/lib/schemas/timeline";
import { call } from "../support/http";
import { newUser } from "../support/users";

const TOKEN = `ghp_${"x".repeat(36)}`;
const work = mkdtempSync(join(tmpdir(), "syncline-commits-github-"));
const git = createGitClient({ cacheDir: join(work, "git-cache") });

let history: MergeTrainRepository;
let emulator: GitHubEmulator;
let gitServer: GitServer;
let url: string;
let credentialName: string;

beforeAll(async () => {
  history = await createMergeTrainRepository();
  // One real bare repository behind both: the Git server that clones come from, and the GitHub
  // emulator that answers for it as acme/fleet on a GitHub Enterprise Server.
  execFileSync("git", ["clone", "--quiet", "--mirror", history.gitDir, join(work, "served", "acme", "fleet.git")]);
  gitServer = await startGitServer(join(work, "served"));
  url = `${gitServer.url}/acme/fleet.git`;
  emulator = await startGitHubEmulator({
    repositories: { "acme/fleet": join(work, "served", "acme", "fleet.git") },
    tokens: [TOKEN],
    logins: { [alice.email]: alice.login, [zoe.email]: zoe.login },
    pathPrefix: "/api/v3",
  });
  emulator.registerPullRequest("acme/fleet", { number: 1, title: "Deploy podinfo 6.7", mergedBy: "carol", mergeCommitSha: history.firstMerge, author: zoe.login });
  emulator.registerPullRequest("acme/fleet", { number: 2, title: "Set podinfo memory limits", mergedBy: "dave", mergeCommitSha: history.secondMerge, author: zoe.login });
  credentialName = `ghe-${Date.now().toString(36)}`;
  await addGitCredential({ kind: "github-token", name: credentialName, urlPattern: `${gitServer.url}/acme/`, token: TOKEN, githubBaseUrl: emulator.baseUrl }, systemActor);
});

afterEach(() => {
  // Every answer the emulator gave must be one GitHub's own OpenAPI description allows.
  for (const exchange of emulator.exchanges) expect(githubContractViolations(exchange), `${exchange.method} ${exchange.path}`).toEqual([]);
});

afterAll(async () => {
  await db().gitCredential.deleteMany({ where: { name: credentialName } });
  await db().sourceRepository.deleteMany({ where: { url } });
  await emulator?.close();
  await gitServer?.close();
  rmSync(history.root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("commits read through git and enriched from GitHub", () => {
  it("stores every commit of a merge train with its pull request, merger, login and web URL, and a direct push with none", async () => {
    const repository = await registerSourceRepository(url);
    expect(repository.webUrl).toBe(`${emulator.webUrl}/acme/fleet`);

    const result = await readCommits(repository, history.initial, history.directPush, { git });
    expect(result.ok).toBe(true);
    const rows = await db().commit.findMany({ where: { repositoryId: repository.id } });
    const bySha = new Map(rows.map((row) => [row.sha, row]));
    expect(rows).toHaveLength(6);
    for (const sha of [history.first, history.second, history.firstMerge]) {
      expect(bySha.get(sha), sha).toMatchObject({ pullRequestNumber: 1, pullRequestTitle: "Deploy podinfo 6.7", mergedBy: "carol", enrichedAt: expect.any(Date) });
    }
    for (const sha of [history.third, history.secondMerge]) expect(bySha.get(sha)).toMatchObject({ pullRequestNumber: 2, mergedBy: "dave" });
    expect(bySha.get(history.directPush)).toMatchObject({ pullRequestNumber: null, mergedBy: null, authorLogin: alice.login, enrichedAt: expect.any(Date) });
    expect(bySha.get(history.first)).toMatchObject({ authorName: zoe.name, authorLogin: zoe.login, parents: [history.initial], webUrl: `${emulator.webUrl}/acme/fleet/commit/${history.first}` });
    expect(bySha.get(history.firstMerge)!.parents).toHaveLength(2);
    expect(bySha.get(history.first)!.pullRequestUrl).toContain("/acme/fleet/pull/1");
  });

  it("stores the credential's remaining GitHub budget, which the repository list shows", async () => {
    const credential = await db().gitCredential.findUniqueOrThrow({ where: { name: credentialName } });
    expect(credential.rateLimit).toMatchObject({ limit: 5000, remaining: emulator.rateLimitRemaining(), resource: "core" });
    expect(credential.rateLimitAt).toBeInstanceOf(Date);

    const viewer = { authorization: `Bearer ${await (await newUser("viewer")).token()}` };
    const listed = ((await call(repositoriesRoute, { headers: viewer })).json as SourceRepositoryDto[]).find((r) => r.url === url)!;
    expect(listed).toMatchObject({ host: "github", webUrl: `${emulator.webUrl}/acme/fleet`, rateLimit: { credentialName, limit: 5000, remaining: emulator.rateLimitRemaining() } });
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
  });

  it("asks GitHub nothing again for commits it already enriched", async () => {
    const repository = await db().sourceRepository.findUniqueOrThrow({ where: { url } });
    const asked = emulator.exchanges.length;
    expect((await readCommits(repository, history.initial, history.directPush, { git })).ok).toBe(true);
    expect(emulator.exchanges.length).toBe(asked);
  });

  it("keeps commits as git told them while GitHub's budget is spent, and adds GitHub's details once it is back", async () => {
    const repository = await db().sourceRepository.findUniqueOrThrow({ where: { url } });
    await db().commit.updateMany({ where: { repositoryId: repository.id }, data: { enrichedAt: null, pullRequestNumber: null, mergedBy: null } });
    emulator.exhaustRateLimit(Math.floor(Date.now() / 1000) + 3600);

    await enrichPendingCommits();
    expect(await db().commit.count({ where: { repositoryId: repository.id, enrichedAt: null } })).toBe(6);
    expect((await db().gitCredential.findUniqueOrThrow({ where: { name: credentialName } })).rateLimit).toMatchObject({ remaining: 0 });

    // The reset has come: the leader's next run asks again.
    emulator.exhaustRateLimit(Math.floor(Date.now() / 1000) - 1);
    await enrichPendingCommits();
    const rows = await db().commit.findMany({ where: { repositoryId: repository.id } });
    expect(rows.filter((row) => row.enrichedAt === null)).toEqual([]);
    expect(rows.find((row) => row.sha === history.first)).toMatchObject({ pullRequestNumber: 1, mergedBy: "carol", authorLogin: zoe.login });
    expect(rows.find((row) => row.sha === history.directPush)).toMatchObject({ pullRequestNumber: null });
    expect((await db().gitCredential.findUniqueOrThrow({ where: { name: credentialName } })).rateLimit).toMatchObject({ remaining: emulator.rateLimitRemaining() });
  });
});
