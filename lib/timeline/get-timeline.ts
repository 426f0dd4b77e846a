import { addDays, differenceInSeconds, subDays } from "date-fns";
import { toCommitDto } from "../commits";
import { db } from "../db/client";
import type { Suspension } from "../db/generated/client";
import { deploymentInclude, toDeploymentDto } from "../deployments";
import { parseFluxRevision } from "../drift/parse-flux-revision";
import { AppError } from "../errors/app-error";
import { inventory } from "../inventory";
import type { SuspensionWindowDto, TimelineCellDto, TimelineDto } from "../schemas/timeline";
import { firstContaining } from "./commit-reach";
import { selectClusters } from "./select-clusters";
import { sourceRepositoryDtos } from "./source-repository-dtos";

export interface TimelineFilter {
  repositoryId: string;
  clusterIds?: string[] | undefined;
  labelSelector?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const MAX_COMMITS = 500;
const DEFAULT_WINDOW_DAYS = 30;
// The commits whose parents are walked to place a commit in a revision; far more than a window shows.
const GRAPH_COMMITS = 5_000;
// A commit may reach a cluster after the window ends, and its steps may carry a clock a little behind Git's.
const STEP_SLACK_DAYS = 1;

// What a cell needs of a step and of a deployment; their commits are read only for the rewrites shown.
const stepFields = { clusterId: true, kind: true, namespace: true, name: true, phase: true, revision: true, message: true, at: true } as const;
const deploymentFields = { clusterId: true, objectKind: true, objectNamespace: true, objectName: true, revision: true, change: true, appliedAt: true } as const;
const revisionSha = (item: { revision: string }) => parseFluxRevision(item.revision).sha;

const objectOf = (kind: string, namespace: string, name: string) => ({ kind, namespace, name });
const keyOf = (ref: { kind: string; namespace: string; name: string }) => `${ref.kind}/${ref.namespace}/${ref.name}`;

function suspensionWindow(row: Suspension): SuspensionWindowDto {
  return {
    clusterId: row.clusterId,
    object: row.kind ? objectOf(row.kind, row.namespace, row.name) : null,
    from: row.createdAt.toISOString(),
    to: row.endedAt?.toISOString() ?? null,
    actor: row.actor,
    reason: row.reason,
    until: row.until?.toISOString() ?? null,
  };
}

/**
 * One repository's commits in a window, newest first (500 at most), with where each stands on
 * every cluster: when a source fetched a revision containing it and when a deployment containing
 * it applied, a failure on such a revision, or a suspension that holds it back. Also the
 * suspension windows, and the rollbacks and force-pushes in the window. Reads the database and the
 * store only, never a Git host: commits Syncline has not read yet simply do not show.
 */
export async function getTimeline(filter: TimelineFilter): Promise<TimelineDto> {
  const repository = await db().sourceRepository.findUnique({ where: { id: filter.repositoryId } });
  if (!repository) throw new AppError("not_found", `No source repository with id "${filter.repositoryId}"`);
  const to = filter.to ? new Date(filter.to) : new Date();
  const from = filter.from ? new Date(filter.from) : subDays(to, DEFAULT_WINDOW_DAYS);
  const [repositoryDto] = await sourceRepositoryDtos([repository]);
  const candidates = await selectClusters({ clusterIds: filter.clusterIds, labelSelector: filter.labelSelector });
  const candidateIds = candidates.map((c) => c.id);
  const since = subDays(from, STEP_SLACK_DAYS);

  const [steps, deployments, rewrites, commits, graph, suspensions] = await Promise.all([
    db().syncRecord.findMany({ where: { sourceUrl: repository.url, clusterId: { in: candidateIds }, phase: { in: ["fetched", "failed"] }, at: { gte: since } }, select: stepFields, orderBy: { at: "asc" } }),
    db().deployment.findMany({ where: { repositoryId: repository.id, clusterId: { in: candidateIds }, appliedAt: { gte: since } }, select: deploymentFields, orderBy: { appliedAt: "asc" } }),
    db().deployment.findMany({
      where: { repositoryId: repository.id, clusterId: { in: candidateIds }, change: { in: ["rollback", "force_push"] }, appliedAt: { gte: from, lte: to } },
      include: deploymentInclude,
      orderBy: { appliedAt: "asc" },
    }),
    db().commit.findMany({ where: { repositoryId: repository.id, committedAt: { gte: from, lte: to } }, orderBy: [{ committedAt: "desc" }, { sha: "asc" }], take: MAX_COMMITS + 1 }),
    db().commit.findMany({ where: { repositoryId: repository.id, committedAt: { lte: addDays(to, STEP_SLACK_DAYS) } }, select: { sha: true, parents: true }, orderBy: { committedAt: "desc" }, take: GRAPH_COMMITS }),
    db().suspension.findMany({ where: { clusterId: { in: candidateIds }, createdAt: { lte: to }, OR: [{ endedAt: null }, { endedAt: { gte: from } }] }, orderBy: { createdAt: "asc" } }),
  ]);

  const tracking = new Set([...steps.map((s) => s.clusterId), ...deployments.map((d) => d.clusterId), ...(repositoryDto?.clusters ?? []).map((c) => c.id)]);
  const clusters = filter.clusterIds ? candidates : candidates.filter((c) => tracking.has(c.id));
  const parentsOf = new Map(graph.map((c) => [c.sha, c.parents]));
  const reconcilersOf = (clusterId: string) => {
    const refs = new Map<string, ReturnType<typeof objectOf>>();
    for (const d of deployments) if (d.clusterId === clusterId) refs.set(keyOf({ kind: d.objectKind, namespace: d.objectNamespace, name: d.objectName }), objectOf(d.objectKind, d.objectNamespace, d.objectName));
    for (const s of steps) if (s.clusterId === clusterId && s.phase === "failed") refs.set(keyOf(s), objectOf(s.kind, s.namespace, s.name));
    return [...refs.values()];
  };
  const perCluster = new Map(
    clusters.map((cluster) => {
      const reconcilers = reconcilersOf(cluster.id);
      const reconcilerKeys = new Set(reconcilers.map(keyOf));
      const holding = suspensions.find((s) => s.clusterId === cluster.id && s.endedAt === null && (!s.kind || reconcilerKeys.has(keyOf(s))));
      const clusterSteps = steps.filter((s) => s.clusterId === cluster.id);
      return [
        cluster.id,
        {
          reconcilers,
          tracked: tracking.has(cluster.id),
          holding,
          // Per commit: the earliest fetch and apply (not a rollback) of a revision containing it, and the latest failure on one.
          fetch: firstContaining(clusterSteps.filter((s) => s.phase === "fetched"), revisionSha, parentsOf),
          applied: firstContaining(deployments.filter((d) => d.clusterId === cluster.id && d.change !== "rollback"), revisionSha, parentsOf),
          failure: firstContaining(clusterSteps.filter((s) => s.phase === "failed").reverse(), revisionSha, parentsOf),
        },
      ] as const;
    }),
  );

  const cellOf = (clusterId: string, sha: string, committedAt: Date): TimelineCellDto => {
    const state = perCluster.get(clusterId)!;
    const empty = { clusterId, fetchedAt: null, appliedAt: null, leadTimeSeconds: null, message: null, heldBy: null, reconciler: null };
    if (!state.tracked) return { ...empty, state: "not-tracked" };
    const fetch = state.fetch.get(sha);
    const fetchedAt = fetch?.at.toISOString() ?? null;
    const applied = state.applied.get(sha);
    if (applied) {
      return {
        ...empty,
        state: "applied",
        fetchedAt,
        appliedAt: applied.appliedAt.toISOString(),
        leadTimeSeconds: differenceInSeconds(applied.appliedAt, committedAt, { roundingMethod: "round" }),
        reconciler: objectOf(applied.objectKind, applied.objectNamespace, applied.objectName),
      };
    }
    if (state.holding) {
      const heldBy = suspensionWindow(state.holding);
      return { ...empty, state: "held", fetchedAt, heldBy, message: heldBy.reason ? `${heldBy.actor}: ${heldBy.reason}` : heldBy.actor };
    }
    const failure = state.failure.get(sha);
    if (failure) return { ...empty, state: "failed", fetchedAt, message: failure.message, reconciler: objectOf(failure.kind, failure.namespace, failure.name) };
    return { ...empty, state: fetch ? "fetched" : "pending", fetchedAt };
  };

  const shown = commits.slice(0, MAX_COMMITS);
  return {
    repository: repositoryDto!,
    from: from.toISOString(),
    to: to.toISOString(),
    clusters: clusters.map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      labels: cluster.labels,
      health: inventory().store.record(cluster.id)?.health ?? "unknown",
      reconcilers: perCluster.get(cluster.id)!.reconcilers,
    })),
    commits: shown.map((commit) => ({ ...toCommitDto(commit), cells: clusters.map((cluster) => cellOf(cluster.id, commit.sha, commit.committedAt)) })),
    suspensions: suspensions.map(suspensionWindow),
    rewrites: rewrites.map(toDeploymentDto),
    truncated: commits.length > MAX_COMMITS,
  };
}
