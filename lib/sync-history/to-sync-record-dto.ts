import type { SyncRecord } from "../db/generated/client";
import type { SyncRecordDto } from "../schemas/timeline";

/** A stored step as the API serves it, with its cluster's name. */
export function toSyncRecordDto(row: SyncRecord & { cluster: { name: string } }): SyncRecordDto {
  return {
    id: row.id,
    clusterId: row.clusterId,
    clusterName: row.cluster.name,
    object: { kind: row.kind, namespace: row.namespace, name: row.name },
    source: { kind: row.sourceKind, namespace: row.sourceNamespace, name: row.sourceName, url: row.sourceUrl },
    phase: row.phase,
    revision: row.revision,
    message: row.message,
    at: row.at.toISOString(),
    reconstructed: row.reconstructed,
  };
}
