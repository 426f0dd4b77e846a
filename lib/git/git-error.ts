import { reasonLabel } from "./classify-git-failure";
import { safeUrl } from "./safe-url";

/**
 * Why a Git operation failed, in words a user acts on. `unknown-ref`: the server has no such
 * branch or tag; `unknown-commit`: the commit is not in the repository (force-pushed away, or
 * never pushed); `failed`: anything git reported that none of the others describe.
 */
export type GitFailureReason =
  | "authentication-failed"
  | "host-unreachable"
  | "host-key-mismatch"
  | "tls-failed"
  | "repository-not-found"
  | "unknown-ref"
  | "unknown-commit"
  | "timeout"
  | "credentials-unavailable"
  | "unsupported"
  | "failed";

/** The one error the Git adapter throws. Its message and `url` never carry credentials. */
export class GitError extends Error {
  readonly reason: GitFailureReason;
  /** The repository URL without credentials. */
  readonly url: string;

  constructor(init: { reason: GitFailureReason; url: string; message: string }) {
    super(init.message);
    this.name = "GitError";
    this.reason = init.reason;
    this.url = init.url;
  }
}

/** By name as well as by class: the production build can bundle this module into several chunks. */
export function isGitError(error: unknown): error is GitError {
  return error instanceof GitError || (error instanceof Error && error.name === "GitError" && "reason" in error);
}

/** A GitError saying `reason` about `url` (made safe), with git's or Syncline's detail. */
export function gitError(reason: GitFailureReason, url: string, detail?: string): GitError {
  const safe = safeUrl(url);
  return new GitError({ reason, url: safe, message: `${reasonLabel(reason)}: ${safe}${detail ? ` (${detail})` : ""}` });
}
