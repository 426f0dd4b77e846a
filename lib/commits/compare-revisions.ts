import type { SourceRepository } from "../db/generated/client";
import { gitClient, isAncestor, isGitError, type GitClient, type GitCredentials } from "../git";
import { repositoryCredentials } from "./repository-credentials";

/** How two commits of a repository relate; "previous-gone" when the older one is no longer on the host (rewritten away). */
export type RevisionComparison = { previousIsAncestor: boolean; currentIsAncestor: boolean } | "previous-gone";

/**
 * Whether `previousSha` and `currentSha` descend from one another, from the cached clone. The
 * current commit must be readable (readCommits first); a previous commit the host no longer has
 * is an answer, not a failure. Throws GitError when the host cannot be read.
 */
export async function compareRevisions(
  repository: SourceRepository,
  previousSha: string,
  currentSha: string,
  options: { git?: GitClient; fallbackCredentials?: (signal?: AbortSignal) => Promise<GitCredentials>; signal?: AbortSignal } = {},
): Promise<RevisionComparison> {
  const git = options.git ?? gitClient();
  const { credentials } = await repositoryCredentials(repository.url, options.fallbackCredentials, options.signal);
  try {
    await git.ensureCommit(repository.url, previousSha, credentials, options.signal);
  } catch (error) {
    if (isGitError(error) && error.reason === "unknown-commit") return "previous-gone";
    throw error;
  }
  return {
    previousIsAncestor: await isAncestor(git, repository.url, previousSha, currentSha, options.signal),
    currentIsAncestor: await isAncestor(git, repository.url, currentSha, previousSha, options.signal),
  };
}
