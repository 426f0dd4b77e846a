import { addDays, subDays } from "date-fns";
import { toCommitDto } from "../commits";
import { db } from "../db/client";
import { decodeCursor, encodeCursor } from "../db/keyset-cursor";
import type { Suspension } from "../db/generated/client";
import { deploymentInclude, toDeploymentDto } from "../deployments";
import { parseFluxRevision } from "../drift/parse-flux-revision";
import { AppError } from "../errors/app-error";
import { inventory } from "../inventory";
import type { SourceRepositoryDto, SuspensionWindowDto, TimelineCellDto, TimelineDto } from "../schemas/timeline";
import { firstContaining } from "./commit-reach";
import { readTimelineSteps } from "./read-timeline-steps";
import { selectClusters, type SelectedCluster } from "./select-clusters";
import { sourceRepositoryDtos } from "./source-repository-dtos";
import { cachedTimeline, keepTimeline } from "./timeline-cache";
import { timelineDataVersion } from "./timeline-data-version";

export interface TimelineFilter {
  repositoryId: string;
  clusterIds?: string[] | undefined;
  labelSelector?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The previous page's nextCursor. */
  cursor?: string | undefined;
  /** Commits per page. */
  limit?: number | undefined;
}

const DEFAULT_PAGE = 100;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const DEFAULT_WINDOW_DAYS = 30;
// The commits whose parents are walked to place a commit in a revision; far more than a window shows.
const GRAPH_COMMITS = 5_000;
// A commit may reach a cluster after the window ends, and its steps may carry a clock a little behind Git's.
const STEP_SLACK_DAYS = 1;

const revisionSha = (item: { revision: string }) => parseFluxRevision(item.revision).sha;

/** Items per cluster, each list in the order given. */
function perClusterOf<T extends { clusterId: string }>(items: readonly T[]): (clusterId: string) => T[] {
  const lists = new Map<string, T[]>();
  for (const item of items) {
    const list = lists.get(item.clusterId);
    if (list) list.push(item);
    else lists.set(item.clusterId, [item]);
  }
  return (clusterId) => lists.get(clusterId) ?? [];
}

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
 * One page of a repository's commits in a window, newest first, with where each stands on every
 * cluster: when a source fetched a revision containing it and when a deployment containing it
 * applied, a failure on such a revision, or a suspension that holds it back. Also the suspension
 * windows, and the rollbacks and force-pushes in the page's span. Reads the database and the store
 * only, never a Git host: commits Syncline has not read yet simply do not show.
 *
 * A page reads only the steps from its oldest commit on (less a day of clock slack): an earlier
 * fetch or apply cannot contain a later commit. So the page a user opens on, the newest, costs the
 * same however long the window and its history are; older pages come as the user scrolls.
 *
 * A window with an end is kept per replica and served again while nothing it is made of changed:
 * the repository as the API shows it, the clusters (names, labels, health) and the database's
 * data version (timelineDataVersion), all read on every request, so no write is ever hidden.
 */
export async function getTimeline(filter: TimelineFilter): Promise<TimelineDto> {
  const repository = await db().sourceRepository.findUnique({ where: { id: filter.repositoryId } });
  if (!repository) throw new AppError("not_found", `No source repository with id "${filter.repositoryId}"`);
  const to = filter.to ? new Date(filter.to) : new Date();
  const from = filter.from ? new Date(filter.from) : subDays(to, DEFAULT_WINDOW_DAYS);
  const page = { after: filter.cursor ? decodeCursor(filter.cursor, SHA) : null, limit: filter.limit ?? DEFAULT_PAGE };
  // An open window ends at "now", which moves on without any write; only a fixed window is kept.
  // The version is read before the rows: a write between them makes the next read build afresh.
  const [[repositoryDto], candidates, version] = await Promise.all([
    sourceRepositoryDtos([repository]),
    selectClusters({ clusterIds: filter.clusterIds, labelSelector: filter.labelSelector }),
    filter.to ? timelineDataVersion({ repositoryId: repository.id, url: repository.url }) : undefined,
  ]);
  if (version === undefined) return buildTimeline(repositoryDto!, candidates, from, to, page, Boolean(filter.clusterIds));
  const key = JSON.stringify([repository.id, from.toISOString(), to.toISOString(), filter.cursor ?? null, page.limit, Boolean(filter.clusterIds), candidates.map((c) => c.id)]);
  const seen = JSON.stringify([version, repositoryDto, candidates.map((c) => [c.name, c.labels, inventory().store.record(c.id)?.health ?? "unknown"])]);
  const kept = cachedTimeline(key, seen);
  if (kept) return kept;
  const timeline = await buildTimeline(repositoryDto!, candidates, from, to, page, Boolean(filter.clusterIds));
  keepTimeline(key, seen, timeline);
  return timeline;
}

interface PageRequest {
  after: { at: Date; id: string } | null;
  limit: number;
}

async function buildTimeline(repositoryDto: SourceRepositoryDto, candidates: SelectedCluster[], from: Date, to: Date, page: PageRequest, clustersNamed: boolean): Promise<TimelineDto> {
  const candidateIds = candidates.map((c) => c.id);
  const repositoryId = repositoryDto.id;
  const after = page.after ? { OR: [{ committedAt: { lt: page.after.at } }, { committedAt: page.after.at, sha: { gt: page.after.id } }] } : {};
  const commits = await db().commit.findMany({
    where: { repositoryId, committedAt: { gte: from, lte: to }, ...after },
    orderBy: [{ committedAt: "desc" }, { sha: "asc" }],
    take: page.limit + 1,
  });
  const shown = commits.slice(0, page.limit);
  const oldest = shown.at(-1);
  const more = commits.length > page.limit && oldest !== undefined;
  // The page spans from its oldest commit (the window's start on the last page) to where the previous page ended.
  const span = { from: more ? oldest.committedAt : from, to: page.after?.at ?? to };
  const since = subDays(oldest?.committedAt ?? from, STEP_SLACK_DAYS);

  const [steps, rewrites, graph, suspensions] = await Promise.all([
    readTimelineSteps({ repositoryId, url: repositoryDto.url, clusterIds: candidateIds, since }),
    db().deployment.findMany({
      where: { repositoryId, clusterId: { in: candidateIds }, change: { in: ["rollback", "force_push"] }, appliedAt: { gte: span.from, lte: span.to } },
      include: deploymentInclude,
      orderBy: { appliedAt: "asc" },
    }),
    db().commit.findMany({ where: { repositoryId, committedAt: { lte: addDays(to, STEP_SLACK_DAYS) } }, select: { sha: true, parents: true }, orderBy: { committedAt: "desc" }, take: GRAPH_COMMITS }),
    db().suspension.findMany({ where: { clusterId: { in: candidateIds }, createdAt: { lte: to }, OR: [{ endedAt: null }, { endedAt: { gte: from } }] }, orderBy: { createdAt: "asc" } }),
  ]);

  const tracking = new Set([...steps.fetched.map((s) => s.clusterId), ...steps.failed.map((s) => s.clusterId), ...steps.reconcilers.map((d) => d.clusterId), ...repositoryDto.clusters.map((c) => c.id)]);
  const clusters = clustersNamed ? candidates : candidates.filter((c) => tracking.has(c.id));
  const parentsOf = new Map(graph.map((c) => [c.sha, c.parents]));
  const fetchedOn = perClusterOf(steps.fetched);
  const appliedOn = perClusterOf(steps.applied);
  const failedOn = perClusterOf(steps.failed);
  const deployedOn = perClusterOf(steps.reconcilers);
  const failuresByFirstOn = perClusterOf([...steps.failed].sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime()));
  const reconcilersOf = (clusterId: string) => {
    const refs = new Map<string, ReturnType<typeof objectOf>>();
    for (const d of deployedOn(clusterId)) refs.set(keyOf({ kind: d.objectKind, namespace: d.objectNamespace, name: d.objectName }), objectOf(d.objectKind, d.objectNamespace, d.objectName));
    for (const s of failuresByFirstOn(clusterId)) refs.set(keyOf(s), objectOf(s.kind, s.namespace, s.name));
    return [...refs.values()];
  };
  const perCluster = new Map(
    clusters.map((cluster) => {
      const reconcilers = reconcilersOf(cluster.id);
      const reconcilerKeys = new Set(reconcilers.map(keyOf));
      const holding = suspensions.find((s) => s.clusterId === cluster.id && s.endedAt === null && (!s.kind || reconcilerKeys.has(keyOf(s))));
      const heldBy = holding ? suspensionWindow(holding) : null;
      return [
        cluster.id,
        {
          reconcilers,
          tracked: tracking.has(cluster.id),
          heldBy,
          // Per commit: the earliest fetch and apply (not a rollback) of a revision containing it, and the latest failure on one.
          fetch: firstContaining(fetchedOn(cluster.id), revisionSha, parentsOf),
          applied: firstContaining(appliedOn(cluster.id), revisionSha, parentsOf),
          failure: firstContaining([...failedOn(cluster.id)].reverse(), revisionSha, parentsOf),
        },
      ] as const;
    }),
  );

  // A step places many commits: each time is written once, not once per cell (3,000 cells a page).
  const isoOf = new Map<Date, string>();
  const iso = (at: Date) => isoOf.get(at) ?? isoOf.set(at, at.toISOString()).get(at)!;
  const cellOf = (clusterId: string, sha: string, committedAt: Date): TimelineCellDto => {
    const state = perCluster.get(clusterId)!;
    const empty = { clusterId, fetchedAt: null, appliedAt: null, leadTimeSeconds: null, message: null, heldBy: null, reconciler: null };
    if (!state.tracked) return { ...empty, state: "not-tracked" };
    const fetch = state.fetch.get(sha);
    const fetchedAt = fetch ? iso(fetch.at) : null;
    const applied = state.applied.get(sha);
    if (applied) {
      return {
        ...empty,
        state: "applied",
        fetchedAt,
        appliedAt: iso(applied.appliedAt),
        leadTimeSeconds: Math.round((applied.appliedAt.getTime() - committedAt.getTime()) / 1000),
        reconciler: objectOf(applied.objectKind, applied.objectNamespace, applied.objectName),
      };
    }
    const { heldBy } = state;
    if (heldBy) return { ...empty, state: "held", fetchedAt, heldBy, message: heldBy.reason ? `${heldBy.actor}: ${heldBy.reason}` : heldBy.actor };
    const failure = state.failure.get(sha);
    if (failure) return { ...empty, state: "failed", fetchedAt, message: failure.message, reconciler: objectOf(failure.kind, failure.namespace, failure.name) };
    return { ...empty, state: fetch ? "fetched" : "pending", fetchedAt };
  };

  return {
    repository: repositoryDto,
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
    nextCursor: more ? encodeCursor(oldest.committedAt, oldest.sha) : null,
  };
}
