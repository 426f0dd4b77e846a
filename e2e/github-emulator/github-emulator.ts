import { createHash, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { emulatorGit, type EmulatorGit } from "./emulator-git";
import { commitObject, pullRequestFull, pullRequestSimple, type EmulatorUrls, type PullRequestFacts, type PullRequestSeed } from "./github-shapes";

export interface GitHubEmulatorOptions {
  /** "owner/repo" → path of a real bare repository. */
  repositories: Record<string, string>;
  /** Tokens accepted as `Authorization: token …` or `Bearer …`. */
  tokens?: string[];
  /** Commit email → the GitHub login it belongs to. */
  logins?: Record<string, string>;
  /** A GitHub App whose JWTs (RS256, signed with the matching private key) may mint installation tokens. */
  app?: { appId: string; publicKey: string; installationId: number };
  /** "/api/v3" to answer as a GitHub Enterprise Server; "" as api.github.com. */
  pathPrefix?: string;
  /** The emulator's time in ms; tests share a fake clock with the client. */
  now?: () => number;
  rateLimit?: number;
}

/** One answer the emulator gave, kept so that a test can check it against GitHub's OpenAPI description. */
export interface EmulatorExchange {
  method: string;
  /** The OpenAPI path template of the operation served, e.g. /repos/{owner}/{repo}/pulls/{pull_number}; undefined for an unknown route. */
  operation: string | undefined;
  path: string;
  status: number;
  body: unknown;
}

export interface GitHubEmulator {
  /** The REST API root to give a client. */
  baseUrl: string;
  webUrl: string;
  exchanges: EmulatorExchange[];
  registerPullRequest(repository: string, seed: PullRequestSeed): void;
  /** The budget left, as GitHub would state it now. */
  rateLimitRemaining(): number;
  /** Spends the whole budget until `resetAtSeconds` (Unix time): until then every request is refused with 403. */
  exhaustRateLimit(resetAtSeconds: number): void;
  /** The next request meets a secondary rate limit: `status` with retry-after. */
  refuseNextWithSecondaryLimit(retryAfterSeconds: number, status?: 403 | 429): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Charged against the budget (GitHub charges neither 304s nor failed authentication). */
  charged?: boolean;
}

const DOCS = "https://docs.github.com/rest";

/** The OpenAPI path templates of the operations the emulator serves, to name the one a request meant. */
const OPERATIONS: [method: string, pattern: RegExp, operation: string][] = [
  ["GET", /^\/repos\/[^/]+\/[^/]+\/compare\/[^/]+$/, "/repos/{owner}/{repo}/compare/{basehead}"],
  ["GET", /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/pulls$/, "/repos/{owner}/{repo}/commits/{commit_sha}/pulls"],
  ["GET", /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+$/, "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["POST", /^\/app\/installations\/\d+\/access_tokens$/, "/app/installations/{installation_id}/access_tokens"],
];

function operationOf(method: string, path: string): string | undefined {
  return OPERATIONS.find(([m, pattern]) => m === method && pattern.test(path))?.[2];
}

/**
 * A GitHub REST emulator serving what lib/git-hosts/github asks, from real bare repositories:
 * compare, pull requests associated with a commit, a pull request, and App installation tokens.
 * ETags on every GET, 304 on If-None-Match (free, as on GitHub), rate-limit headers on every answer.
 */
export async function startGitHubEmulator(options: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  const now = options.now ?? (() => Date.now());
  const prefix = options.pathPrefix ?? "";
  const limit = options.rateLimit ?? 5000;
  const tokens = new Set(options.tokens ?? []);
  const pulls = new Map<string, PullRequestSeed[]>();
  const exchanges: EmulatorExchange[] = [];
  const git = new Map<string, EmulatorGit>(Object.entries(options.repositories).map(([name, dir]) => [name, emulatorGit(dir)]));
  const seconds = () => Math.floor(now() / 1000);
  let used = 0;
  let resetAt = seconds() + 3600;
  let secondary: { retryAfter: number; status: 403 | 429 } | undefined;
  let urls: EmulatorUrls = { api: "", web: "" };

  function budget() {
    if (seconds() >= resetAt) {
      used = 0;
      resetAt = seconds() + 3600;
    }
    return Math.max(0, limit - used);
  }

  function rateHeaders(): Record<string, string> {
    const remaining = budget();
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": String(resetAt),
      "x-ratelimit-used": String(limit - remaining),
      "x-ratelimit-resource": "core",
    };
  }

  const error = (status: number, message: string, headers?: Record<string, string>): Answer => ({ status, body: { message, documentation_url: DOCS, status: String(status) }, headers });

  async function facts(repo: EmulatorGit, seed: PullRequestSeed): Promise<PullRequestFacts> {
    const merge = await repo.commit(seed.mergeCommitSha);
    const [baseSha, headSha] = merge.parents.length > 1 ? merge.parents : [merge.parents[0] ?? merge.sha, merge.sha];
    const commits = merge.parents.length > 1 ? await repo.revList(baseSha, headSha ?? merge.sha) : [merge.sha];
    const first = commits[0] ? await repo.commit(commits[0]) : merge;
    return { seed, baseSha: baseSha ?? merge.sha, headSha: headSha ?? merge.sha, mergedAt: merge.committer.date, createdAt: first.author.date, commitCount: commits.length };
  }

  /** The pull requests containing `sha`: its commits (base..head of the merge) or its merge commit. */
  async function pullsContaining(repository: string, repo: EmulatorGit, sha: string): Promise<PullRequestFacts[]> {
    const found: PullRequestFacts[] = [];
    for (const seed of pulls.get(repository) ?? []) {
      const pull = await facts(repo, seed);
      const members = seed.mergeCommitSha === pull.headSha ? [] : await repo.revList(pull.baseSha, pull.headSha);
      if (seed.mergeCommitSha === sha || members.includes(sha)) found.push(pull);
    }
    return found;
  }

  async function compare(owner: string, name: string, repo: EmulatorGit, basehead: string, query: URLSearchParams): Promise<Answer> {
    const [baseRev, headRev] = basehead.split("...");
    const base = baseRev ? await repo.resolve(baseRev) : undefined;
    const head = headRev ? await repo.resolve(headRev) : undefined;
    if (!base || !head) return { ...error(404, "Not Found") };
    const mergeBase = (await repo.mergeBase(base, head)) ?? base;
    const all = await repo.revList(mergeBase, head);
    const behindBy = (await repo.revList(mergeBase, base)).length;
    const paginated = query.has("page") || query.has("per_page");
    const perPage = Math.min(Number(query.get("per_page") ?? 30), 100);
    const page = Math.max(1, Number(query.get("page") ?? 1));
    const shown = paginated ? all.slice((page - 1) * perPage, page * perPage) : all.slice(0, 250);
    const loginOf = (email: string) => options.logins?.[email];
    const toObject = async (sha: string) => commitObject(urls, owner, name, await repo.commit(sha), loginOf);
    const status = base === head ? "identical" : behindBy === 0 ? "ahead" : all.length === 0 ? "behind" : "diverged";
    const web = `${urls.web}/${owner}/${name}`;
    return {
      status: 200,
      body: {
        url: `${urls.api}/repos/${owner}/${name}/compare/${basehead}`,
        html_url: `${web}/compare/${basehead}`,
        permalink_url: `${web}/compare/${owner}:${base}...${owner}:${head}`,
        diff_url: `${web}/compare/${basehead}.diff`,
        patch_url: `${web}/compare/${basehead}.patch`,
        base_commit: await toObject(base),
        merge_base_commit: await toObject(mergeBase),
        status,
        ahead_by: all.length,
        behind_by: behindBy,
        total_commits: all.length,
        commits: await Promise.all(shown.map(toObject)),
        files: [],
      },
    };
  }

  async function route(method: string, path: string, query: URLSearchParams, request: IncomingMessage): Promise<Answer> {
    const install = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (method === "POST" && install) return installationToken(Number(install[1]), request.headers.authorization ?? "");
    if (!authorized(request.headers.authorization ?? "")) return { ...error(401, "Bad credentials"), charged: false };
    const match = /^\/repos\/([^/]+)\/([^/]+)\/(.+)$/.exec(path);
    const repository = match ? `${match[1]}/${match[2]}` : "";
    const repo = git.get(repository);
    if (method !== "GET" || !match || !repo) return error(404, "Not Found");
    const [, owner = "", name = "", rest = ""] = match;
    const comparison = /^compare\/(.+)$/.exec(rest);
    if (comparison?.[1]) return compare(owner, name, repo, decodeURIComponent(comparison[1]), query);
    const associated = /^commits\/([^/]+)\/pulls$/.exec(rest);
    if (associated?.[1]) {
      const sha = await repo.resolve(associated[1]);
      if (!sha) return { ...error(422, `No commit found for SHA: ${associated[1]}`) };
      const found = await pullsContaining(repository, repo, sha);
      return { status: 200, body: found.map((pull) => pullRequestSimple(urls, owner, name, pull)) };
    }
    const single = /^pulls\/(\d+)$/.exec(rest);
    if (single?.[1]) {
      const seed = (pulls.get(repository) ?? []).find((pull) => pull.number === Number(single[1]));
      if (!seed) return { ...error(404, "Not Found") };
      return { status: 200, body: pullRequestFull(urls, owner, name, await facts(repo, seed)) };
    }
    return error(404, "Not Found");
  }

  function authorized(header: string): boolean {
    const [scheme, token] = header.split(" ");
    return (scheme === "token" || scheme === "Bearer" || scheme === "bearer") && token !== undefined && tokens.has(token);
  }

  function installationToken(installationId: number, header: string): Answer {
    const app = options.app;
    const jwt = header.replace(/^bearer /i, "");
    if (!app || !validAppJwt(jwt, app.appId, app.publicKey)) return { ...error(401, "A JSON web token could not be decoded"), charged: false };
    if (installationId !== app.installationId) return { ...error(404, "Not Found") };
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    tokens.add(token);
    return { status: 201, body: { token, expires_at: new Date(now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"), permissions: { contents: "read", pull_requests: "read" }, repository_selection: "all" } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://emulator");
    const method = request.method ?? "GET";
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    let answer: Answer;
    if (secondary) {
      answer = { ...error(secondary.status, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."), headers: { "retry-after": String(secondary.retryAfter) } };
      secondary = undefined;
    } else if (budget() === 0) {
      answer = error(403, "API rate limit exceeded for installation. Check out the documentation for more details.");
    } else {
      answer = await route(method, path, url.searchParams, request);
    }
    const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
    const etag = `W/"${createHash("sha256").update(text).digest("hex")}"`;
    const notModified = method === "GET" && answer.status === 200 && request.headers["if-none-match"] === etag;
    if (!notModified && answer.charged !== false && answer.status !== 403 && answer.status !== 429) used++;
    const status = notModified ? 304 : answer.status;
    exchanges.push({ method, operation: operationOf(method, path), path, status, body: notModified ? undefined : answer.body });
    response.writeHead(status, {
      ...rateHeaders(),
      ...answer.headers,
      ...(method === "GET" && answer.status === 200 ? { etag } : {}),
      ...(notModified ? {} : { "content-type": "application/json; charset=utf-8" }),
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
    });
    response.end(notModified ? undefined : text);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((failure: unknown) => {
      response.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ message: String(failure), documentation_url: DOCS }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const web = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  urls = { api: `${web}${prefix}`, web };

  return {
    baseUrl: urls.api,
    webUrl: urls.web,
    exchanges,
    registerPullRequest(repository, seed) {
      pulls.set(repository, [...(pulls.get(repository) ?? []), seed]);
    },
    rateLimitRemaining: budget,
    exhaustRateLimit(resetAtSeconds) {
      used = limit;
      resetAt = resetAtSeconds;
    },
    refuseNextWithSecondaryLimit(retryAfter, status = 403) {
      secondary = { retryAfter, status };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((failure) => (failure ? reject(failure) : resolve()))),
  };
}

/** An App JWT: RS256 over header.payload with the App's key, issued by the App. */
function validAppJwt(jwt: string, appId: string, publicKey: string): boolean {
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature) return false;
  const signed = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url"));
  if (!signed) return false;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown };
  return String(claims.iss) === appId;
}
