import { db } from "../db/client";
import type { MatchedGitCredential } from "../git-credentials";
import { isGitHubError, type AttributedCommit, type GitHubPullRequest, type RateLimitBudget } from "../git-hosts/github";
import { log } from "../log/logger";
import { githubClientFor } from "./github-clients";
import type { GitHubLocation } from "./github-repository-of";

// Without a range GitHub is asked per commit; a first read of a long history enriches the newest only.
const MAX_SINGLE_LOOKUPS = 50;

/**
 * Adds what only GitHub knows to stored commits: the author's login, the pull request that
 * brought each in and who merged it, and the web URLs. The credential's remaining budget is
 * stored after every call, so every replica can show it. A GitHub failure leaves the commits as
 * git described them (enrichedAt stays null, so a later read tries again); it is never fatal.
 */
export async function enrichFromGitHub(repositoryId: string, location: GitHubLocation, credential: MatchedGitCredential, shas: string[], range?: { from: string; to: string }): Promise<void> {
  const client = githubClientFor(credential, location.apiBaseUrl);
  if (!client || shas.length === 0) return;
  const pending = new Set((await db().commit.findMany({ where: { repositoryId, sha: { in: shas }, enrichedAt: null }, select: { sha: true } })).map((row) => row.sha));
  if (pending.size === 0) return;
  try {
    // Without a range GitHub names no login; undefined leaves the stored one as it is.
    const found = new Map<string, { login: string | null | undefined; pullRequest: GitHubPullRequest | null }>();
    if (range) {
      const attributed: AttributedCommit[] = await client.attributedCommits(location.repository, range.from, range.to);
      for (const commit of attributed) found.set(commit.sha, { login: commit.author.login, pullRequest: commit.pullRequest });
    } else {
      for (const sha of [...pending].slice(0, MAX_SINGLE_LOOKUPS)) found.set(sha, { login: undefined, pullRequest: await client.pullRequestOf(location.repository, sha) });
    }
    const enrichedAt = new Date();
    await db().$transaction(
      [...found]
        .filter(([sha]) => pending.has(sha))
        .map(([sha, { login, pullRequest }]) =>
          db().commit.update({
            where: { repositoryId_sha: { repositoryId, sha } },
            data: {
              webUrl: client.commitUrl(location.repository, sha),
              ...(login !== undefined ? { authorLogin: login } : {}),
              pullRequestNumber: pullRequest?.number ?? null,
              pullRequestTitle: pullRequest?.title ?? null,
              pullRequestUrl: pullRequest?.webUrl ?? null,
              mergedBy: pullRequest?.mergedBy ?? null,
              enrichedAt,
            },
          }),
        ),
    );
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    log.warn({ repository: location.webUrl, reason: error.reason, message: error.message }, "commits: GitHub details unavailable; retried on the next read");
  } finally {
    await storeRateLimit(credential.id, client.rateLimit());
  }
}

async function storeRateLimit(credentialId: string, budget: RateLimitBudget | undefined): Promise<void> {
  if (!budget) return;
  await db().gitCredential.updateMany({
    where: { id: credentialId },
    data: { rateLimit: { limit: budget.limit, remaining: budget.remaining, used: budget.used ?? null, resetAt: budget.resetAt.toISOString(), resource: budget.resource }, rateLimitAt: new Date() },
  });
}
