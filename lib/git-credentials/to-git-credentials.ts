import type { GitCredential } from "../db/generated/client";
import type { GitCredentials } from "../git";
import { openGitCredentialSecret } from "./git-credential-secret";
import { githubGitToken } from "./github-git-token";

/** A stored row's credentials for the Git client; see openGitCredential. */
export async function toGitCredentials(row: GitCredential, signal?: AbortSignal): Promise<GitCredentials> {
  const secret = openGitCredentialSecret(row.secretEncrypted);
  const ca = row.caCert ? { caCert: row.caCert } : {};
  switch (row.kind) {
    case "https_token":
      if (!("token" in secret)) break;
      return row.username ? { kind: "basic", username: row.username, password: secret.token, ...ca } : { kind: "bearer", token: secret.token, ...ca };
    case "https_basic":
      if (!("password" in secret)) break;
      return { kind: "basic", username: row.username ?? "", password: secret.password, ...ca };
    case "ssh_key":
      if (!("privateKey" in secret)) break;
      return { kind: "ssh", identity: secret.privateKey, knownHosts: row.knownHosts ?? "", ...(secret.passphrase ? { password: secret.passphrase } : {}) };
    case "github_token":
    case "github_app":
      // GitHub takes any user name with a token over HTTPS; x-access-token is the one it documents for App tokens.
      return { kind: "basic", username: "x-access-token", password: await githubGitToken(row, secret, signal) };
  }
  throw new Error(`The stored secret of Git credential ${row.id} does not match its kind`);
}
