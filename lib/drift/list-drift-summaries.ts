import { db } from "../db/client";
import { inventory } from "../inventory";
import type { DriftSummary } from "../schemas/drift";
import type { DriftReportColumns } from "./drift-report-row";
import { presentSummary } from "./present-drift";

/**
 * Every registered cluster's drift summary, for the fleet view: one query over the summaries
 * alone (never the objects), with reachability from this replica's store.
 */
export async function listDriftSummaries(): Promise<DriftSummary[]> {
  await inventory().ready();
  const store = inventory().store;
  const rows = await db().driftReport.findMany({ select: { clusterId: true, summary: true, computedAt: true, computingSince: true, refreshRequestedAt: true } });
  const byCluster = new Map(rows.map((row) => [row.clusterId, row]));
  return store.clusterIds().map((clusterId) => {
    const row = byCluster.get(clusterId);
    const summary = (row?.summary ?? null) as DriftReportColumns["summary"];
    return presentSummary(
      summary,
      { clusterId, record: store.record(clusterId), computingSince: row?.computingSince ?? null, refreshRequestedAt: row?.refreshRequestedAt ?? null, computedAt: row?.computedAt ?? null },
      (empty) => empty,
    );
  });
}
