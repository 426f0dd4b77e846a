import { db } from "../db/client";
import { isAppError } from "../errors/app-error";
import { isKubeError } from "../k8s/kube-error";
import { isUnreachable } from "./source-objects-on-cluster";

export type RolloutOutcome = { outcome: "applied" | "removed" | "pending" | "failed"; message: string | null };

/** A failed attempt is retried after 5 s, doubling up to 5 minutes. */
function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records a failed apply or removal on the cluster's rollout row, with when to retry: a cluster
 * that did not answer stays pending (or removing), one that refused is failed. Anything but a
 * Kubernetes or a kubeconfig error is a bug and is thrown.
 */
export async function recordRolloutFailure(key: { sourceId_clusterId: { sourceId: string; clusterId: string } }, error: unknown, unreachableState: "pending" | "removing"): Promise<RolloutOutcome> {
  if (!isKubeError(error) && !isAppError(error)) throw error;
  const unreachable = isUnreachable(error);
  const row = await db().clusterSource.findUnique({ where: key, select: { attempts: true, state: true } });
  const attempts = (row?.attempts ?? 0) + 1;
  const message = isKubeError(error) ? (unreachable ? `The cluster cannot be reached (${error.reason}); retried when it returns` : `${error.reason}: ${error.message}`) : `${error.code}: ${error.message}`;
  const state = unreachable || unreachableState === "removing" ? unreachableState : "failed";
  await db().clusterSource.update({ where: key, data: { state, message, attempts, retryAt: new Date(Date.now() + retryDelayMs(attempts)) } });
  return { outcome: unreachable ? "pending" : "failed", message };
}

