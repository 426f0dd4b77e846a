import { App } from "octokit";
import type { GitCredential } from "../db/generated/client";
import type { GitCredentialSecret } from "./git-credential-secret";
import { GITHUB_API, githubOctokit } from "./github-octokit";

/**
 * A token for Git over HTTPS on GitHub: the stored token, or for an App a short-lived
 * installation token exchanged with the App's key. Throws octokit's RequestError or a network error.
 */
export async function githubGitToken(row: GitCredential, secret: GitCredentialSecret, signal?: AbortSignal): Promise<string> {
  if ("token" in secret) return secret.token;
  if (!("privateKey" in secret) || !row.appId || !row.installationId) throw new Error("not a GitHub App credential");
  const app = new App({ appId: row.appId, privateKey: secret.privateKey, Octokit: githubOctokit(row.githubBaseUrl ?? GITHUB_API) });
  const installation = await app.getInstallationOctokit(Number(row.installationId));
  const { token } = (await installation.auth({ type: "installation", ...(signal ? { request: { signal } } : {}) })) as { token: string };
  return token;
}

