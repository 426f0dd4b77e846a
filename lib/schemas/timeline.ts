/**
 * Timelines: the path of every change from commit to cluster, as the API serves it and the UI
 * renders it. Times are ISO 8601 in UTC; the browser shows them in its own time zone.
 */
import { z } from "zod";

const isoTime = z.string().meta({ format: "date-time" });
const objectRef = z.object({ kind: z.string(), namespace: z.string(), name: z.string() });

export const syncPhase = z.enum(["fetched", "progressing", "applied", "failed"]);
export type SyncPhase = z.infer<typeof syncPhase>;

/** One step on one cluster: a source fetched a revision, or a reconciler started, applied or failed on one. */
export const syncRecord = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  object: objectRef,
  source: objectRef.extend({ url: z.string().nullable() }),
  phase: syncPhase,
  revision: z.string().describe('Flux\'s revision ("main@sha1:…", a chart version); "" when a failure names none'),
  message: z.string(),
  at: isoTime.describe("Flux's own timestamp for the step (artifact, history or condition)"),
  reconstructed: z.boolean().describe("Filled in from the object's status after a restart or reconnect, not seen live"),
});
export type SyncRecordDto = z.infer<typeof syncRecord>;

export const pullRequest = z.object({
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  mergedBy: z.string().nullable(),
});

export const commit = z.object({
  sha: z.string(),
  shortSha: z.string(),
  authorName: z.string(),
  authorEmail: z.string(),
  authorLogin: z.string().nullable(),
  authoredAt: isoTime,
  committerName: z.string(),
  committedAt: isoTime,
  /** The subject line; `message` is the whole message. */
  subject: z.string(),
  message: z.string(),
  webUrl: z.string().nullable(),
  pullRequest: pullRequest.nullable().describe("On GitHub: the pull request that brought the commit in"),
});
export type CommitDto = z.infer<typeof commit>;

/** Why commit details are missing, if they are: the Git host could not be read (retried later), or the source is not Git. */
export const commitDetails = z.object({
  state: z.enum(["available", "unavailable", "not-git"]),
  message: z.string().nullable(),
});
export type CommitDetails = z.infer<typeof commitDetails>;

export const deploymentChange = z.enum(["initial", "forward", "rollback", "force-push", "redeploy"]);
export type DeploymentChange = z.infer<typeof deploymentChange>;

/** A revision applied on a cluster by one Kustomization or HelmRelease, with every commit since the previous one. */
export const deployment = z.object({
  id: z.string(),
  cluster: z.object({ id: z.string(), name: z.string() }),
  reconciler: objectRef,
  source: objectRef.extend({ url: z.string().nullable() }),
  repositoryId: z.string().nullable(),
  revision: z.string(),
  previousRevision: z.string().nullable(),
  change: deploymentChange,
  appliedAt: isoTime,
  trigger: z
    .object({ user: z.string(), action: z.enum(["resume", "reconcile"]) })
    .nullable()
    .describe("The Syncline user whose resume or reconcile brought the apply about"),
  commits: z.array(commit.extend({ leadTimeSeconds: z.number().int().describe("From the commit time to this apply") })),
  commitDetails,
  reconstructed: z.boolean(),
});
export type DeploymentDto = z.infer<typeof deployment>;

/** A GitHub credential's remaining API budget, as its last answer gave it. */
export const rateLimitBudget = z.object({
  credentialName: z.string(),
  limit: z.number().int(),
  remaining: z.number().int(),
  resetAt: isoTime,
  observedAt: isoTime,
});
export type RateLimitBudgetDto = z.infer<typeof rateLimitBudget>;

/** A Git repository that clusters pull, with what Syncline could read of it. */
export const sourceRepository = z.object({
  id: z.string(),
  url: z.string(),
  webUrl: z.string().nullable(),
  host: z.enum(["github", "git"]),
  lastFetchedAt: isoTime.nullable(),
  commitDetails,
  rateLimit: rateLimitBudget.nullable(),
  /** The Flux sources on each cluster that point at this repository. */
  clusters: z.array(z.object({ id: z.string(), name: z.string(), sources: z.array(objectRef) })),
  lastDeployedAt: isoTime.nullable(),
});
export type SourceRepositoryDto = z.infer<typeof sourceRepository>;

/**
 * Where one commit stands on one cluster. applied: a deployment containing it reached the cluster.
 * fetched: the source has it, no reconciler applied it yet. failed: the reconciler failed on a
 * revision containing it. held: fetched (or pushed) while a suspension held the cluster or
 * reconciler back. pending: not fetched yet. not-tracked: no reconciler on the cluster reads the
 * repository at that point.
 */
export const commitState = z.enum(["applied", "fetched", "failed", "held", "pending", "not-tracked"]);
export type CommitState = z.infer<typeof commitState>;

export const suspensionWindow = z.object({
  clusterId: z.string(),
  object: objectRef.nullable().describe("null for the whole cluster"),
  from: isoTime,
  to: isoTime.nullable().describe("null while it lasts"),
  actor: z.string(),
  reason: z.string().nullable(),
  until: isoTime.nullable(),
});
export type SuspensionWindowDto = z.infer<typeof suspensionWindow>;

export const timelineCell = z.object({
  clusterId: z.string(),
  state: commitState,
  fetchedAt: isoTime.nullable(),
  appliedAt: isoTime.nullable(),
  leadTimeSeconds: z.number().int().nullable(),
  /** The failure message, or the suspension's who and why for a held commit. */
  message: z.string().nullable(),
  heldBy: suspensionWindow.nullable(),
  reconciler: objectRef.nullable(),
});
export type TimelineCellDto = z.infer<typeof timelineCell>;

/**
 * One page of a repository's timeline. `clusters` holds the clusters that pull the repository now or
 * have steps in this page's span, by name: a client showing several pages shows the union.
 */
export const timeline = z.object({
  repository: sourceRepository,
  from: isoTime,
  to: isoTime,
  clusters: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      labels: z.record(z.string(), z.string()),
      health: z.string(),
      reconcilers: z.array(objectRef),
    }),
  ),
  /** This page of the window's commits, newest first. */
  commits: z.array(commit.extend({ cells: z.array(timelineCell) })),
  suspensions: z.array(suspensionWindow).describe("Every suspension that overlaps the window, on every page"),
  /** Deployments that are rollbacks or force-pushes, between this page's oldest commit and the previous page's: shown as such, not as commits. */
  rewrites: z.array(deployment),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page of commits; null on the last page"),
});
export type TimelineDto = z.infer<typeof timeline>;

/** What one reconciler runs now on a cluster. */
export const runningRevision = z.object({
  reconciler: objectRef,
  source: objectRef.extend({ url: z.string().nullable() }),
  repositoryId: z.string().nullable().describe("The source's Git repository, whose timeline shows this revision among its commits; null when the source is not Git"),
  revision: z.string().nullable(),
  appliedAt: isoTime.nullable(),
  commit: commit.nullable(),
  commitDetails,
  suspended: z.boolean(),
});
export type RunningRevisionDto = z.infer<typeof runningRevision>;

export const runningNow = z.object({
  clusterId: z.string(),
  stale: z.boolean().describe("The cluster is unreachable: this is what it ran when last seen"),
  reconcilers: z.array(runningRevision),
  recentDeployments: z.array(deployment),
});
export type RunningNowDto = z.infer<typeof runningNow>;
