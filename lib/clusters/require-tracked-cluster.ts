import { inventory, type ClusterRecord } from "../inventory";
import { getClusterOrThrow } from "./get-cluster-or-throw";

/**
 * The store's record of a cluster, served from memory. A cluster the store has not seen yet
 * (added by another process a moment ago) is looked up and tracked; an unknown id is 404.
 */
export async function requireTrackedCluster(id: string): Promise<ClusterRecord> {
  await inventory().ready();
  const record = inventory().store.record(id);
  if (record) return record;
  inventory().track(await getClusterOrThrow(id));
  return inventory().store.record(id)!;
}
