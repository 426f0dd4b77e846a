import { requireTrackedCluster } from "../clusters/require-tracked-cluster";
import { db } from "../db/client";
import type { ClusterDrift } from "../schemas/drift";
import type { DriftReportColumns } from "./drift-report-row";
import { emptyClusterDrift, presentSummary } from "./present-drift";

/** A cluster's last drift report, from the database: a read never computes. Unknown cluster: 404. */
export async function getClusterDrift(clusterId: string): Promise<ClusterDrift> {
  const record = await requireTrackedCluster(clusterId);
  const row = await db().driftReport.findUnique({ where: { clusterId } });
  const report = (row?.report ?? null) as DriftReportColumns["report"];
  return presentSummary(report, { clusterId, record, computingSince: row?.computingSince ?? null, refreshRequestedAt: row?.refreshRequestedAt ?? null, computedAt: row?.computedAt ?? null }, emptyClusterDrift);
}
