import { ZodError } from "zod";
import { isAppError, type ErrorCode } from "../errors/app-error";
import { isKubeError } from "../k8s/kube-error";
import { log } from "../log/logger";

export interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}

/** The one place where failures become HTTP. Unknown errors never leak their message. */
export function errorResponse(error: unknown, requestId: string): Response {
  const { status, body } = describeError(error, requestId);
  if (status >= 500) log.error({ err: error, requestId }, "request failed");
  const response = Response.json(body, { status, headers: { "x-request-id": requestId } });
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) response.headers.set("retry-after", String(retryAfter));
  return response;
}

/** A throttled caller is told when to come back, in the header HTTP clients honour. */
function retryAfterSeconds(error: unknown): number | undefined {
  if (!(isAppError(error)) || error.code !== "too_many_requests") return undefined;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : undefined;
}

function describeError(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, details: error.details } } };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return { status: 422, body: { error: { code: "validation_failed", message: "The request is not valid", details } } };
  }
  if (isPrismaNotFound(error)) {
    return { status: 404, body: { error: { code: "not_found", message: "Not found" } } };
  }
  if (isKubeError(error) && error.reason === "not_kubernetes") {
    return { status: 422, body: { error: { code: "not_kubernetes", message: error.message, details: { cluster: error.cluster } } } };
  }
  if (isKubeError(error) && (error.status === 403 || error.status === 404)) {
    const code = error.status === 403 ? "cluster_forbidden" : "not_found";
    return { status: error.status, body: { error: { code, message: error.message, details: { cluster: error.cluster, reason: error.reason } } } };
  }
  return {
    status: 500,
    body: { error: { code: "internal", message: `Something went wrong; quote request id ${requestId} when reporting it`, details: { requestId } } },
  };
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}
