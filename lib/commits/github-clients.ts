import type { MatchedGitCredential } from "../git-credentials";
import { createGitHubClient, memoryConditionalRequestCache, type GitHubClient } from "../git-hosts/github";

// The leader's job waits this long at most for a spent budget; beyond it the commits stay
// unenriched and the next run tries again, so one repository never holds up the others.
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

const clients = new Map<string, { fingerprint: string; client: GitHubClient }>();

/**
 * One GitHub client per stored credential, kept across reads so that its ETags (conditional
 * requests, which GitHub does not charge) serve the next read of the same range. A rotated or
 * re-pointed credential gets a new client.
 */
export function githubClientFor(credential: MatchedGitCredential, apiBaseUrl: string): GitHubClient | undefined {
  const access = credential.github();
  if (!access) return undefined;
  const fingerprint = JSON.stringify([apiBaseUrl, access]);
  const held = clients.get(credential.id);
  if (held?.fingerprint === fingerprint) return held.client;
  const client = createGitHubClient({
    baseUrl: apiBaseUrl,
    auth: access.kind === "token" ? { kind: "token", token: access.token } : { kind: "app", appId: access.appId, privateKey: access.privateKey, installationId: access.installationId },
    cache: memoryConditionalRequestCache(),
    maxRateLimitWaitMs: MAX_RATE_LIMIT_WAIT_MS,
  });
  clients.set(credential.id, { fingerprint, client });
  return client;
}
