import type { ClusterDrift, DriftSummary } from "../schemas/drift";
import type { ComparedObject, ObjectSides } from "./compute-cluster-drift";

/** What a DriftReport row's JSON columns hold (prisma/schema.prisma), typed once for readers and writers. */
export interface DriftReportColumns {
  summary: DriftSummary | null;
  report: ClusterDrift | null;
  compared: ComparedObject[];
  sides: Record<string, ObjectSides>;
}

/** The summary part of a report: what the fleet view reads for every cluster at once. */
export function summaryOf(drift: ClusterDrift): DriftSummary {
  const { clusterId, state, drifted, total, handChanges, behind, computedAt, stale, staleReason, computing } = drift;
  return { clusterId, state, drifted, total, handChanges, behind, computedAt, stale, staleReason, computing };
}
