import { db } from "../db/client";
import { matchesLabelSelector } from "../drift/matches-label-selector";

export interface SelectedCluster {
  id: string;
  name: string;
  labels: Record<string, string>;
}

/** The registered clusters a filter names: by id (all when none given), then by label selector. */
export async function selectClusters(filter: { clusterIds?: string[] | undefined; labelSelector?: string | undefined }): Promise<SelectedCluster[]> {
  const rows = await db().cluster.findMany({
    where: filter.clusterIds ? { id: { in: filter.clusterIds } } : {},
    select: { id: true, name: true, labels: true },
    orderBy: { name: "asc" },
  });
  return rows
    .map((row) => ({ id: row.id, name: row.name, labels: (row.labels ?? {}) as Record<string, string> }))
    .filter((cluster) => !filter.labelSelector || matchesLabelSelector(filter.labelSelector, cluster.labels));
}
