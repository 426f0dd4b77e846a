import { RequestError } from "octokit";
import type { Octokit } from "octokit";
import type { ConditionalRequestCache } from "./conditional-request-cache";
import type { GitHubClock } from "./github-clock";
import { githubError, isGitHubError, type GitHubError } from "./github-error";
import { readRateLimit, type RateLimitBudget } from "./read-rate-limit";
import { rateLimitWait } from "./rate-limit-wait";

export interface RequestPolicy {
  cache: ConditionalRequestCache;
  clock: GitHubClock;
  maxRateLimitWaitMs: number;
  /** Values scrubbed from every error message: the token, the App's private key. */
  secrets: readonly string[];
  onRateLimit(budget: RateLimitBudget): void;
}

type Headers = Record<string, string | number | undefined>;

/**
 * Every request through `octokit` becomes conditional and rate-limit aware:
 * - a GET sends the cached ETag as If-None-Match; a 304 (which GitHub does not charge) reuses the cached body;
 * - every answer's x-ratelimit-* headers update the budget;
 * - a 403 or 429 that is about rate limits waits as GitHub asks (retry-after, or until the reset)
 *   and retries once; a wait longer than `maxRateLimitWaitMs` fails at once with `rate-limited`;
 * - failures become GitHubError with no secret in them.
 */
export function wrapGitHubRequests(octokit: Octokit, policy: RequestPolicy): void {
  octokit.hook.wrap("request", async (request, options) => {
    const { method, url } = octokit.request.endpoint.parse(options);
    const what = `${method} ${new URL(url).pathname}`;
    const key = `${method} ${url}`;
    const cached = method === "GET" ? await policy.cache.get(key) : undefined;
    // In place: before-after-hook binds inner hooks (auth) to this very options object and ignores what is passed on.
    if (cached) options.headers["if-none-match"] = cached.etag;

    for (let attempt = 0; ; attempt++) {
      try {
        const response = await request(options);
        track(response.headers);
        const etag = response.headers.etag;
        if (method === "GET" && typeof etag === "string") await policy.cache.set(key, { etag, data: response.data, url });
        return response;
      } catch (error) {
        if (isGitHubError(error)) throw error;
        if (!(error instanceof RequestError)) throw githubError("failed", what, { detail: error instanceof Error ? error.message : String(error), secrets: policy.secrets });
        const headers: Headers = error.response?.headers ?? {};
        track(headers);
        if (error.status === 304 && cached) return { status: 200, url: cached.url, headers: error.response?.headers ?? {}, data: cached.data };
        const waitMs = error.response ? rateLimitWait(error.status, headers, error.message, policy.clock.now()) : undefined;
        if (waitMs === undefined) throw failure(error, what, headers);
        if (attempt > 0 || waitMs > policy.maxRateLimitWaitMs) throw rateLimited(error, what, headers, waitMs);
        await policy.clock.sleep(waitMs);
      }
    }
  });

  function track(headers: Headers): void {
    const budget = readRateLimit(headers);
    if (budget) policy.onRateLimit(budget);
  }

  function rateLimited(error: RequestError, what: string, headers: Headers, waitMs: number): GitHubError {
    const resetAt = readRateLimit(headers)?.resetAt ?? new Date(policy.clock.now() + waitMs);
    return githubError("rate-limited", what, { status: error.status, resetAt, detail: `retry after ${resetAt.toISOString()}`, secrets: policy.secrets });
  }

  function failure(error: RequestError, what: string, headers: Headers): GitHubError {
    const detail = error.message;
    const init = { status: error.status, detail, secrets: policy.secrets };
    if (!error.response) return githubError("host-unreachable", what, { detail, secrets: policy.secrets });
    if (error.status === 401) return githubError("authentication-failed", what, init);
    if (error.status === 403) return githubError("forbidden", what, init);
    if (error.status === 404) return githubError("not-found", what, init);
    if (error.status === 429) return rateLimited(error, what, headers, 0);
    return githubError("failed", what, init);
  }
}
