import type { ClusterDetail } from "../fleet/dto";
import { inventory } from "../inventory";
import { requireTrackedCluster } from "./require-tracked-cluster";

export async function getClusterDetail(id: string): Promise<ClusterDetail> {
  const record = await requireTrackedCluster(id);
  const summary = inventory().store.clusterSummary(id)!;
  return { ...summary, context: record.context, capabilities: record.capabilities, createdAt: record.createdAt };
}
