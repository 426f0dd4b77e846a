import { db } from "../db/client";
import type { Commit, SourceRepository } from "../db/generated/client";
import { gitClient, isGitError, readCommitHistory, type GitClient, type GitCommit, type GitCredentials } from "../git";
import type { MatchedGitCredential } from "../git-credentials";
import { enrichFromGitHub } from "./enrich-from-github";
import { githubRepositoryOf } from "./github-repository-of";
import { nextRetryAt } from "./repository-backoff";
import { repositoryCredentials } from "./repository-credentials";

export interface ReadCommitsOptions {
  git?: GitClient;
  /** Credentials when the store holds none for the URL: the GitRepository's own (its secretRef). */
  fallbackCredentials?: (signal?: AbortSignal) => Promise<GitCredentials>;
  /** The most commits read; a first read without `fromSha` takes the newest this many. */
  max?: number;
  now?: () => Date;
  signal?: AbortSignal;
}

/** The commits read (newest first), or why the Git host could not be read and when it is tried again. */
export type ReadCommitsResult = { ok: true; commits: Commit[] } | { ok: false; error: string; retryAt: Date };

const DEFAULT_MAX = 500;

/**
 * The commits reachable from `toSha` and not from `fromSha`, read through lib/git's cached clone
 * (fetched only when it lacks `toSha`) and stored as Commit rows, idempotently by repository and
 * sha. On GitHub, with a GitHub credential that covers the URL, each is enriched with its pull
 * request, merger, login and web URL. A Git host that cannot be read never throws: the repository
 * records the error and its next attempt (backoff), and the answer says "unavailable".
 */
export async function readCommits(repository: SourceRepository, fromSha: string | undefined, toSha: string, options: ReadCommitsOptions = {}): Promise<ReadCommitsResult> {
  const git = options.git ?? gitClient();
  const now = options.now ?? (() => new Date());
  let history: GitCommit[];
  let credential: MatchedGitCredential | undefined;
  try {
    const access = await repositoryCredentials(repository.url, options.fallbackCredentials, options.signal);
    credential = access.credential;
    const credentials = access.credentials;
    await git.ensureCommit(repository.url, toSha, credentials, options.signal);
    if (fromSha) await git.ensureCommit(repository.url, fromSha, credentials, options.signal);
    history = await readCommitHistory(git, repository.url, { ...(fromSha ? { from: fromSha } : {}), to: toSha, max: options.max ?? DEFAULT_MAX }, options.signal);
  } catch (error) {
    // Only a GitError's message is known to be free of secrets; anything else (a GitHub App's token exchange) is named only.
    const message = isGitError(error) ? error.message : `the Git host could not be read: ${repository.url}`;
    return { ok: false, error: message, retryAt: await recordRepositoryFailure(repository, message, now()) };
  }
  await storeCommits(repository.id, history);
  const location = githubRepositoryOf(repository.url, credential);
  if (location && credential) await enrichFromGitHub(repository.id, location, credential, history.map((c) => c.sha), fromSha ? { from: fromSha, to: toSha } : undefined);
  await db().sourceRepository.update({ where: { id: repository.id }, data: { lastFetchedAt: now(), lastError: null, attempts: 0, retryAt: null } });
  const rows = await db().commit.findMany({ where: { repositoryId: repository.id, sha: { in: history.map((c) => c.sha) } } });
  const order = new Map(history.map((c, index) => [c.sha, index]));
  return { ok: true, commits: rows.sort((a, b) => order.get(a.sha)! - order.get(b.sha)!) };
}

async function storeCommits(repositoryId: string, history: GitCommit[]): Promise<void> {
  if (history.length === 0) return;
  await db().commit.createMany({
    skipDuplicates: true,
    data: history.map((c) => ({
      repositoryId,
      sha: c.sha,
      parents: c.parents,
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      authoredAt: new Date(c.authoredAt),
      committerName: c.committerName,
      committerEmail: c.committerEmail,
      committedAt: new Date(c.committedAt),
      message: c.message,
    })),
  });
}

/** Marks a repository unreadable: its error for the timeline, and when the next attempt may run. */
export async function recordRepositoryFailure(repository: SourceRepository, message: string, now: Date): Promise<Date> {
  const { attempts } = await db().sourceRepository.update({ where: { id: repository.id }, data: { lastError: message, attempts: { increment: 1 } }, select: { attempts: true } });
  const retryAt = nextRetryAt(now, attempts);
  await db().sourceRepository.update({ where: { id: repository.id }, data: { retryAt } });
  return retryAt;
}
