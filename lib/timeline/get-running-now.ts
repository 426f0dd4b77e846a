import { toCommitDto } from "../commits";
import { db } from "../db/client";
import { deploymentInclude, toDeploymentDto } from "../deployments";
import { parseFluxRevision } from "../drift/parse-flux-revision";
import { AppError } from "../errors/app-error";
import { safeUrl } from "../git";
import { inventory } from "../inventory";
import { GitRepository, HelmRelease, Kustomization, resourceOf, type FluxObject } from "../k8s/resources";
import type { CommitDetails, RunningNowDto, RunningRevisionDto } from "../schemas/timeline";

const RECENT_DEPLOYMENTS = 20;

/**
 * What a cluster runs now: each Kustomization's and HelmRelease's applied revision as the store
 * last saw it, with its commit, author and when it was applied, and the cluster's recent
 * deployments. A cluster that cannot be reached shows what it ran when last seen, marked stale.
 */
export async function getRunningNow(clusterId: string): Promise<RunningNowDto> {
  const cluster = await db().cluster.findUnique({ where: { id: clusterId }, select: { id: true } });
  if (!cluster) throw new AppError("not_found", `No cluster with id "${clusterId}"`);
  const store = inventory().store;
  const record = store.record(clusterId);
  const stale = !record || record.health === "unreachable";
  const urlOf = (namespace: string, name: string): string | null => {
    const url = (store.object(clusterId, GitRepository.kind, namespace, name)?.spec as { url?: unknown } | undefined)?.url;
    return typeof url === "string" ? safeUrl(url.trim()) : null;
  };
  const reconcilers: { object: FluxObject; kind: "Kustomization" | "HelmRelease" }[] = [
    ...store.objects(clusterId, Kustomization.kind).map((object) => ({ object, kind: Kustomization.kind })),
    ...store.objects(clusterId, HelmRelease.kind).map((object) => ({ object, kind: HelmRelease.kind })),
  ];
  const running: RunningRevisionDto[] = [];
  for (const { object, kind } of reconcilers) {
    const resource = resourceOf(kind, object);
    const sourceRef = resource.sourceRef;
    const url = sourceRef?.kind === GitRepository.kind ? urlOf(sourceRef.namespace, sourceRef.name) : null;
    const revision = resource.revision;
    const sha = parseFluxRevision(revision).sha;
    const repository = url ? await db().sourceRepository.findUnique({ where: { url } }) : null;
    const commit = repository && sha ? await db().commit.findUnique({ where: { repositoryId_sha: { repositoryId: repository.id, sha } } }) : null;
    const deployment = revision
      ? await db().deployment.findFirst({
          where: { clusterId, objectKind: kind, objectNamespace: resource.namespace, objectName: resource.name, revision },
          orderBy: { appliedAt: "desc" },
          select: { appliedAt: true },
        })
      : null;
    const commitDetails: CommitDetails = !url || !sha
      ? { state: "not-git", message: null }
      : commit
        ? { state: "available", message: null }
        : { state: "unavailable", message: repository?.lastError ?? "commit details not read yet" };
    running.push({
      reconciler: { kind, namespace: resource.namespace, name: resource.name },
      source: { kind: sourceRef?.kind ?? "", namespace: sourceRef?.namespace ?? "", name: sourceRef?.name ?? "", url },
      repositoryId: repository?.id ?? null,
      revision,
      appliedAt: deployment?.appliedAt.toISOString() ?? resource.appliedAt,
      commit: commit ? toCommitDto(commit) : null,
      commitDetails,
      suspended: resource.suspended,
    });
  }
  const recent = await db().deployment.findMany({ where: { clusterId }, include: deploymentInclude, orderBy: [{ appliedAt: "desc" }, { id: "desc" }], take: RECENT_DEPLOYMENTS });
  return { clusterId, stale, reconcilers: running, recentDeployments: recent.map(toDeploymentDto) };
}
