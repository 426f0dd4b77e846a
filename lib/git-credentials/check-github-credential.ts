import type { GitCredential } from "../db/generated/client";
import type { GitCredentialSecret } from "./git-credential-secret";
import { githubGitToken } from "./github-git-token";
import { GITHUB_API, githubOctokit } from "./github-octokit";

/** Proves a GitHub credential: a token must be accepted by the API, an App must obtain an installation token. */
export async function checkGithubCredential(row: GitCredential, secret: GitCredentialSecret, signal?: AbortSignal): Promise<void> {
  if ("token" in secret) {
    await new (githubOctokit(row.githubBaseUrl ?? GITHUB_API))({ auth: secret.token }).request("GET /rate_limit", { request: signal ? { signal } : {} });
    return;
  }
  await githubGitToken(row, secret, signal);
}

