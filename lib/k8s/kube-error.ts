/**
 * The one error the Kubernetes adapter throws. `status` is the API server's HTTP status when it
 * answered, and undefined when it could not be reached at all (connection refused, TLS, timeout).
 */
export class KubeError extends Error {
  readonly status: number | undefined;
  readonly cluster: string;
  readonly reason: string;

  constructor(init: { status: number | undefined; cluster: string; reason: string; message: string }) {
    super(init.message);
    this.name = "KubeError";
    this.status = init.status;
    this.cluster = init.cluster;
    this.reason = init.reason;
  }
}

/**
 * A KubeError by name as well as by class: the production build can bundle this module into more
 * than one chunk, and an error thrown by one copy of the class is not an instance of another's.
 */
export function isKubeError(error: unknown): error is KubeError {
  return error instanceof KubeError || (error instanceof Error && error.name === "KubeError" && "reason" in error);
}
