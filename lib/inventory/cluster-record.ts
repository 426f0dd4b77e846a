import type { Cluster } from "../db/generated/client";
import type { ClusterCapabilities } from "../fleet/dto";
import type { ClusterRecord } from "./snapshot-store";

const noCapabilities: ClusterCapabilities = {
  kubernetesVersion: null,
  controllers: [],
  permissions: { list: false, watch: false, patch: false },
  authMethod: "none",
};

/** The store's view of a Cluster row: everything but the sealed kubeconfig. */
export function toClusterRecord(row: Cluster): ClusterRecord {
  return {
    id: row.id,
    name: row.name,
    server: row.server,
    context: row.context,
    labels: (row.labels ?? {}) as Record<string, string>,
    fluxVersion: row.fluxVersion,
    capabilities: { ...noCapabilities, ...(row.capabilities as Partial<ClusterCapabilities>) },
    createdAt: row.createdAt.toISOString(),
    health: row.health,
    healthMessage: row.healthMessage,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  };
}
