import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { db } from "../db/client";
import type { DriftRefreshAccepted } from "../schemas/drift-input";

/**
 * Asks for a recompute of a cluster's drift. Any replica records the request; the leader's
 * collector picks it up within seconds (docs/drift.md). Asking again before it ran changes nothing.
 */
export async function requestDriftRefresh(clusterId: string, now = new Date()): Promise<DriftRefreshAccepted> {
  await requireTrackedCluster(clusterId);
  await db().driftReport.upsert({ where: { clusterId }, create: { clusterId, refreshRequestedAt: now }, update: { refreshRequestedAt: now } });
  return { clusterId, requestedAt: now.toISOString() };
}
