import type { ClusterRecord } from "../inventory";
import type { ClusterDrift, DriftSummary } from "../schemas/drift";

/** What the reader knows besides the stored report: the cluster as this replica's watches see it, and the leader's progress. */
export interface DriftReadContext {
  clusterId: string;
  record: ClusterRecord | undefined;
  computingSince: Date | null;
  refreshRequestedAt: Date | null;
  computedAt: Date | null;
}

const NOT_COMPUTED = "Drift has not been computed yet";

/**
 * A stored summary as served now. A cluster that cannot be reached is never in sync, however
 * fresh its last report: its state is unknown and the report stale, with why. A refresh asked for
 * and not yet done shows as computing.
 */
export function presentSummary<T extends DriftSummary>(stored: T | null, context: DriftReadContext, empty: (summary: DriftSummary) => T): T {
  const base = stored ?? empty(emptySummary(context.clusterId));
  const refreshPending = context.refreshRequestedAt !== null && (context.computedAt === null || context.refreshRequestedAt > context.computedAt);
  const computing = context.computingSince !== null || refreshPending;
  const reason = unreachableReason(context.record);
  if (reason) return { ...base, state: "unknown", stale: true, staleReason: reason, computing };
  return { ...base, computing };
}

function unreachableReason(record: ClusterRecord | undefined): string | null {
  if (!record) return "The cluster is not tracked by this replica yet";
  if (record.health === "unreachable") return `The cluster cannot be reached: ${record.healthMessage ?? "no answer"}`;
  if (record.health === "unknown") return "Syncline has not connected to the cluster yet";
  return null;
}

export function emptySummary(clusterId: string): DriftSummary {
  return { clusterId, state: "unknown", drifted: 0, total: 0, handChanges: 0, behind: null, computedAt: null, stale: true, staleReason: NOT_COMPUTED, computing: false };
}

export function emptyClusterDrift(summary: DriftSummary): ClusterDrift {
  return { ...summary, reconcilers: [], revisions: [], objects: [] };
}
