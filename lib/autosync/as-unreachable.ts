import { AppError } from "../errors/app-error";
import { isKubeError } from "../k8s/kube-error";

/**
 * When a cluster cannot even be listed and the store knows none of its objects, there is no
 * object to report on; the caller gets one clear error instead of an empty result.
 */
export function asUnreachable(error: unknown): never {
  if (isKubeError(error) && error.status === undefined) {
    throw new AppError(error.reason === "tls" ? "cluster_tls_failed" : "cluster_unreachable", error.message, { cluster: error.cluster, reason: error.reason });
  }
  throw error;
}
