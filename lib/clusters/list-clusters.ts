import type { ClusterSummary } from "../fleet/dto";
import { inventory } from "../inventory";

/** Served from the in-memory store: no database or cluster round trip per request. */
export async function listClusters(): Promise<ClusterSummary[]> {
  await inventory().ready();
  return inventory()
    .store.listClusters()
    .sort((a, b) => a.name.localeCompare(b.name));
}
