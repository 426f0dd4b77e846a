import { RequestError } from "octokit";

/**
 * A GitHub failure in words a user acts on, with the reason codes the Git client uses. Octokit
 * reports a connection that never got an answer as a RequestError without a response.
 */
export function describeGithubFailure(error: unknown, baseUrl: string): { reason: string; message: string } {
  const status = error instanceof RequestError && error.response ? error.status : null;
  if (status === 401 || status === 403) return { reason: "authentication-failed", message: `GitHub at ${baseUrl} refused the credential (HTTP ${status})` };
  if (status === 404) return { reason: "repository-not-found", message: `GitHub at ${baseUrl} does not know the App or its installation (HTTP 404)` };
  if (status !== null) return { reason: "failed", message: `GitHub at ${baseUrl} answered HTTP ${status}` };
  return { reason: "host-unreachable", message: `GitHub at ${baseUrl} could not be reached` };
}
