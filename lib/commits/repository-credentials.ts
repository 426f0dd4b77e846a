import { noCredentials, type GitCredentials } from "../git";
import { findGitCredentialForUrl, type MatchedGitCredential } from "../git-credentials";

/**
 * How to reach a repository: the credential store's most specific match for its URL, else the
 * GitRepository's own credentials when the caller can read them, else none (a public repository).
 */
export async function repositoryCredentials(
  url: string,
  fallback: ((signal?: AbortSignal) => Promise<GitCredentials>) | undefined,
  signal?: AbortSignal,
): Promise<{ credential: MatchedGitCredential | undefined; credentials: GitCredentials }> {
  const credential = await findGitCredentialForUrl(url);
  const credentials = credential ? await credential.git(signal) : ((await fallback?.(signal)) ?? noCredentials);
  return { credential, credentials };
}
