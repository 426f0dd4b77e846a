import type { GitCredentials } from "../git";
import { getGitCredentialOrThrow } from "./get-git-credential-or-throw";
import { toGitCredentials } from "./to-git-credentials";

/**
 * A stored credential as the Git client takes it, opened at the time of use. Internal: its
 * answer holds the secret and must reach only lib/git, never a response or a log. A GitHub App
 * exchanges its key for an installation token here, which needs GitHub's API.
 */
export async function openGitCredential(id: string, signal?: AbortSignal): Promise<GitCredentials> {
  return toGitCredentials(await getGitCredentialOrThrow(id), signal);
}
