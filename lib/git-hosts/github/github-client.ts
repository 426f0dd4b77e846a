import type { ConditionalRequestCache } from "./conditional-request-cache";
import type { GitHubClock } from "./github-clock";
import type { RateLimitBudget } from "./read-rate-limit";

/** A personal or fine-grained token, or a GitHub App acting as one installation. */
export type GitHubAuth =
  | { kind: "token"; token: string }
  | { kind: "app"; appId: number | string; privateKey: string; installationId: number };

export interface GitHubClientOptions {
  /** The REST API root: https://api.github.com, or https://<host>/api/v3 on GitHub Enterprise Server. */
  baseUrl?: string;
  auth: GitHubAuth;
  cache?: ConditionalRequestCache;
  clock?: GitHubClock;
  /** The longest wait for a rate-limit reset before giving up with `rate-limited`, so a caller retries later instead. */
  maxRateLimitWaitMs?: number;
}

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface GitHubPerson {
  name: string;
  email: string;
  date: string;
  /** The GitHub account the email belongs to, when GitHub knows one. */
  login: string | null;
}

export interface GitHubCommit {
  sha: string;
  message: string;
  author: GitHubPerson;
  committer: GitHubPerson;
  parents: string[];
  webUrl: string;
}

export interface GitHubPullRequest {
  number: number;
  title: string;
  webUrl: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** Login of whoever merged it; null when not merged or the account is gone. */
  mergedBy: string | null;
}

/**
 * GitHub's comparison of two revisions. `behind` or `diverged` means `head` does not descend from
 * `base`: a force-push or a revert to an older revision, not a series of new commits.
 */
export interface CommitRange {
  status: "ahead" | "behind" | "diverged" | "identical";
  aheadBy: number;
  behindBy: number;
  /** Reachable from `head` and not from the merge base, newest first like lib/git's commitsBetween. */
  commits: GitHubCommit[];
}

export interface AttributedCommit extends GitHubCommit {
  /** The merged pull request that brought the commit in; null for a direct push. */
  pullRequest: GitHubPullRequest | null;
}

/**
 * What only GitHub knows about a repository's history: pull requests, who merged them, web URLs.
 * History itself comes from lib/git; this adds to it. Throws GitHubError.
 */
export interface GitHubClient {
  compareCommits(repository: RepositoryRef, base: string, head: string): Promise<CommitRange>;
  pullRequestOf(repository: RepositoryRef, sha: string): Promise<GitHubPullRequest | null>;
  /** Every commit between `base` and `head` with the pull request that brought it in and its merger. */
  attributedCommits(repository: RepositoryRef, base: string, head: string): Promise<AttributedCommit[]>;
  commitUrl(repository: RepositoryRef, sha: string): string;
  pullRequestUrl(repository: RepositoryRef, number: number): string;
  /** The core budget as the last answer stated it; undefined before the first answer. */
  rateLimit(): RateLimitBudget | undefined;
}
