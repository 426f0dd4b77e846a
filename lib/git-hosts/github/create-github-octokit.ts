import { App, Octokit } from "octokit";
import type { GitHubAuth } from "./github-client";

const USER_AGENT = "syncline";

/**
 * An Octokit for `baseUrl` authenticated as `auth`. Octokit's own throttling and retries are off:
 * wrapGitHubRequests owns waiting, so that the clock is injectable and the budget observable.
 */
export async function createGitHubOctokit(baseUrl: string, auth: GitHubAuth): Promise<Octokit> {
  const ConfiguredOctokit = Octokit.defaults({ baseUrl, userAgent: USER_AGENT, throttle: { enabled: false }, retry: { enabled: false } });
  if (auth.kind === "token") return new ConfiguredOctokit({ auth: auth.token });
  const app = new App({ appId: auth.appId, privateKey: auth.privateKey, Octokit: ConfiguredOctokit });
  return (await app.getInstallationOctokit(auth.installationId)) as Octokit;
}
