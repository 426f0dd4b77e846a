import type { FluxObjectSummary } from "../fleet/dto";
import { inventory } from "../inventory";
import { modelFor } from "../k8s/resources";
import { clusterObjectsQuery, type ClusterObjectsQuery } from "../schemas/clusters";
import { requireTrackedCluster } from "./require-tracked-cluster";

/** A cluster's Flux objects, sources first, then by namespace and name. */
export async function listClusterObjects(clusterId: string, query: Partial<ClusterObjectsQuery> = {}): Promise<FluxObjectSummary[]> {
  const { kind, namespace, state } = clusterObjectsQuery.parse(query);
  await requireTrackedCluster(clusterId);
  const wantedKind = kind ? (modelFor(kind)?.kind ?? kind) : undefined;
  const order = (k: string) => (modelFor(k)?.reconciler ? 1 : 0);
  return inventory()
    .store.listObjects(clusterId)
    .filter((o) => (!wantedKind || o.kind === wantedKind) && (!namespace || o.namespace === namespace) && (!state || o.state === state))
    .sort((a, b) => order(a.kind) - order(b.kind) || a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
