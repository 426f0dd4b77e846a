import type { DriftEpisode as DriftEpisodeRow } from "../db/generated/client";
import type { DriftEpisode, ObjectDriftChange } from "../schemas/drift";

export function toDriftEpisodeDto(row: DriftEpisodeRow & { cluster: { name: string } }): DriftEpisode {
  return {
    id: row.id,
    cluster: { id: row.clusterId, name: row.cluster.name },
    reconciler: { kind: row.reconcilerKind, namespace: row.reconcilerNamespace, name: row.reconcilerName },
    object: { apiVersion: row.apiVersion, kind: row.kind, namespace: row.namespace, name: row.name },
    change: row.change as ObjectDriftChange,
    fields: row.fields as string[],
    managers: row.managers as string[],
    appearedAt: row.appearedAt.toISOString(),
    correctedAt: row.correctedAt?.toISOString() ?? null,
    correctedBy: row.correctedBy,
  };
}
