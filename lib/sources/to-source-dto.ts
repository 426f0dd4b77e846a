import type { Cluster, ClusterSource } from "../db/generated/client";
import type { SourceDto } from "../schemas/sources";
import { rolloutState } from "./rollout-state";
import { definitionOf, type SourceRow } from "./source-row";

const KIND_NAMES = { https_token: "https-token", https_basic: "https-basic", ssh_key: "ssh-key", github_token: "github-token", github_app: "github-app" } as const;

/** A source as the API shows it: its definition, which credential it uses (never the secret), and each cluster's rollout. */
export function toSourceDto(row: SourceRow, rollouts: ReadonlyArray<ClusterSource & { cluster: Cluster }>): SourceDto {
  const definition = definitionOf(row.definition);
  return {
    id: row.id,
    definition,
    credential: row.credential ? { id: row.credential.id, name: row.credential.name, kind: KIND_NAMES[row.credential.kind] } : null,
    definitionHash: row.definitionHash,
    appliedHash: row.appliedHash,
    adopted: row.adopted,
    deleting: row.deletingAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    rollout: [...rollouts]
      .sort((a, b) => a.cluster.name.localeCompare(b.cluster.name))
      .map((rollout) => ({
        clusterId: rollout.clusterId,
        clusterName: rollout.cluster.name,
        ...rolloutState(rollout, rollout.cluster, definition),
        renderedPath: rollout.renderedPath,
        appliedAt: rollout.appliedAt?.toISOString() ?? null,
        attempts: rollout.attempts,
        retryAt: rollout.retryAt?.toISOString() ?? null,
      })),
  };
}
