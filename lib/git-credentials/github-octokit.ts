import { Octokit } from "octokit";

export const GITHUB_API = "https://api.github.com";

/** Octokit for a credential's GitHub, with no retries or throttling: a test or token exchange answers once, within its bound. */
export function githubOctokit(baseUrl: string) {
  return Octokit.defaults({ baseUrl, retry: { enabled: false }, throttle: { enabled: false }, request: { timeout: 15_000 } });
}
