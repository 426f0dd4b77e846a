import { scrub } from "../../git/classify-git-failure";

/**
 * Why a GitHub call failed, in words a user acts on. `rate-limited`: the budget is spent and the
 * reset is further away than Syncline waits; `not-found`: the repository, commit or pull request
 * does not exist or the credentials cannot see it (GitHub answers 404 for both).
 */
export type GitHubFailureReason = "authentication-failed" | "forbidden" | "not-found" | "rate-limited" | "host-unreachable" | "failed";

const labels: Record<GitHubFailureReason, string> = {
  "authentication-failed": "GitHub authentication failed",
  forbidden: "GitHub refused access",
  "not-found": "not found on GitHub",
  "rate-limited": "GitHub rate limit exhausted",
  "host-unreachable": "GitHub host unreachable",
  failed: "GitHub request failed",
};

/** The one error the GitHub adapter throws. Its message never carries a token or private key. */
export class GitHubError extends Error {
  readonly reason: GitHubFailureReason;
  /** GitHub's HTTP status; undefined when no answer came. */
  readonly status: number | undefined;
  /** When a `rate-limited` budget comes back. */
  readonly resetAt: Date | undefined;

  constructor(init: { reason: GitHubFailureReason; message: string; status?: number; resetAt?: Date }) {
    super(init.message);
    this.name = "GitHubError";
    this.reason = init.reason;
    this.status = init.status;
    this.resetAt = init.resetAt;
  }
}

/** By name as well as by class: the production build can bundle this module into several chunks. */
export function isGitHubError(error: unknown): error is GitHubError {
  return error instanceof GitHubError || (error instanceof Error && error.name === "GitHubError" && "reason" in error);
}

/** A GitHubError about `what` (method and path), GitHub's detail scrubbed of every secret. */
export function githubError(
  reason: GitHubFailureReason,
  what: string,
  init: { detail?: string; status?: number; resetAt?: Date; secrets: readonly string[] },
): GitHubError {
  const text = `${labels[reason]}: ${what}${init.detail ? ` (${init.detail})` : ""}`;
  return new GitHubError({ reason, message: scrub(text, init.secrets), status: init.status, resetAt: init.resetAt });
}
