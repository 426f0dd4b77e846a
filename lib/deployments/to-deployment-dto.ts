import { toCommitDto } from "../commits";
import type { Prisma } from "../db/generated/client";
import { parseFluxRevision } from "../drift/parse-flux-revision";
import type { DeploymentDto } from "../schemas/timeline";

/** What a deployment is read with to become its DTO. */
export const deploymentInclude = {
  cluster: { select: { id: true, name: true } },
  repository: { select: { url: true, lastError: true } },
  commits: { include: { commit: true } },
} satisfies Prisma.DeploymentInclude;

export type DeploymentRow = Prisma.DeploymentGetPayload<{ include: typeof deploymentInclude }>;

const ACTIONS = new Set(["resume", "reconcile"]);

/** A stored deployment as the API serves it: commits newest first, force_push spelt as the API spells it. */
export function toDeploymentDto(row: DeploymentRow): DeploymentDto {
  const isGit = row.repositoryId !== null && parseFluxRevision(row.revision).sha !== null;
  return {
    id: row.id,
    cluster: { id: row.cluster.id, name: row.cluster.name },
    reconciler: { kind: row.objectKind, namespace: row.objectNamespace, name: row.objectName },
    source: { kind: row.sourceKind, namespace: row.sourceNamespace, name: row.sourceName, url: row.repository?.url ?? null },
    repositoryId: row.repositoryId,
    revision: row.revision,
    previousRevision: row.previousRevision,
    change: row.change === "force_push" ? "force-push" : row.change,
    appliedAt: row.appliedAt.toISOString(),
    trigger: row.triggeredBy && row.triggerAction && ACTIONS.has(row.triggerAction) ? { user: row.triggeredBy, action: row.triggerAction as "resume" | "reconcile" } : null,
    commits: row.commits
      .map(({ commit, leadTimeSeconds }) => ({ ...toCommitDto(commit), leadTimeSeconds }))
      .sort((a, b) => b.committedAt.localeCompare(a.committedAt) || a.sha.localeCompare(b.sha)),
    commitDetails: !isGit
      ? { state: "not-git", message: null }
      : row.commitsResolved
        ? { state: "available", message: null }
        : { state: "unavailable", message: row.commitsError ?? row.repository?.lastError ?? "commit details not read yet" },
    reconstructed: row.reconstructed,
  };
}
