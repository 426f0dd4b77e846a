/**
 * Every failure Syncline reports on purpose is an AppError with a stable code. The HTTP status
 * lives with the code, so lib/ never speaks HTTP and lib/api/errors.ts maps in one place.
 */
export const errorCodes = {
  bad_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  origin_mismatch: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  cluster_already_registered: 409,
  server_changed: 409,
  last_admin: 409,
  preview_outdated: 409,
  object_collision: 409,
  source_deleting: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  headers_too_large: 431,
  validation_failed: 422,
  pause_policy_violation: 422,
  preview_required: 422,
  kubeconfig_invalid: 422,
  context_not_found: 422,
  exec_auth_unsupported: 422,
  cluster_unreachable: 422,
  cluster_tls_failed: 422,
  cluster_unauthorized: 422,
  cluster_forbidden: 422,
  flux_not_installed: 422,
  unknown_kind: 422,
  render_failed: 422,
  server_not_https: 422,
  not_kubernetes: 422,
  too_many_requests: 429,
  database_locked: 503,
  not_ready: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

/** By name as well as by class: the production build can bundle this module into several chunks. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === "AppError" && "code" in error && (error as AppError).code in errorCodes);
}
