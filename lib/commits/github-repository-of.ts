import type { MatchedGitCredential } from "../git-credentials";
import { githubApiBaseUrl, githubWebUrl, parseGitHubRepository, type RepositoryRef } from "../git-hosts/github";

/** Where a repository lives on GitHub or a GitHub Enterprise Server: its API root, web page and name. */
export interface GitHubLocation {
  apiBaseUrl: string;
  webUrl: string;
  repository: RepositoryRef;
}

/**
 * The GitHub repository a Git URL names: on github.com always; on another host only when a
 * GitHub credential covers it (that is what says the host is a GitHub Enterprise Server), with the
 * credential's API root when it names one.
 */
export function githubRepositoryOf(url: string, credential: MatchedGitCredential | undefined): GitHubLocation | undefined {
  const parsed = parseGitHubRepository(url);
  if (!parsed) return undefined;
  const isGitHubCom = parsed.host === "github.com" || parsed.host === "www.github.com";
  const isEnterprise = credential?.githubBaseUrl !== undefined;
  if (!isGitHubCom && !isEnterprise) return undefined;
  const apiBaseUrl = (credential?.githubBaseUrl ?? githubApiBaseUrl(parsed.host)).replace(/\/+$/, "");
  return { apiBaseUrl, webUrl: `${githubWebUrl(apiBaseUrl)}/${parsed.owner}/${parsed.repo}`, repository: { owner: parsed.owner, repo: parsed.repo } };
}
