/**
 * Drift: how far a cluster is from Git. The shapes the drift API serves and the UI renders; the
 * collector stores a cluster's last report as exactly this JSON, so a cached read needs no mapping.
 */
import { z } from "zod";

const isoTime = z.string().meta({ format: "date-time" });
const ref = z.object({ kind: z.string(), namespace: z.string(), name: z.string() });

/**
 * How desired state was found. `dry-run`: rendered with `flux build` (or the Helm release's
 * manifest) and server-side applied as a dry run, as `flux diff` does. `managed-fields`: no flux CLI,
 * so only fields written since the last apply by a manager other than Flux's are reported.
 */
export const driftMode = z.enum(["dry-run", "managed-fields"]);
export type DriftMode = z.infer<typeof driftMode>;

/** One differing field. Values are masked ("***") for Secrets: only which keys differ is shown. */
export const fieldDrift = z.object({
  path: z.string().describe('Dotted path, e.g. "spec.replicas" or "spec.template.spec.containers[name=web].image"'),
  desired: z.unknown().optional().describe("What Flux would apply; absent when Git does not set the field"),
  live: z.unknown().optional().describe("What the cluster has; absent when the field was removed"),
  manager: z.string().nullable().describe("The field manager that last wrote the field (managedFields)"),
  operation: z.enum(["Apply", "Update"]).nullable(),
  changedAt: isoTime.nullable(),
  /** Written by a manager other than Flux's: someone changed it by hand. */
  handChange: z.boolean(),
});
export type FieldDrift = z.infer<typeof fieldDrift>;

/** modified: differs from Git. missing: Git has it, the cluster does not. unmanaged: the cluster still has it, Git no longer does (prune pending, or prune off). */
export const objectDriftChange = z.enum(["modified", "missing", "unmanaged"]);
export type ObjectDriftChange = z.infer<typeof objectDriftChange>;

export const driftedObject = z.object({
  reconciler: ref.describe("The Kustomization or HelmRelease whose inventory holds the object"),
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string().describe('"" for cluster-scoped objects'),
  name: z.string(),
  change: objectDriftChange,
  fields: z.array(fieldDrift),
  handChange: z.boolean(),
  /** When Syncline first saw this drift (null until the collector has stored it). */
  since: isoTime.nullable(),
  /** A command that would fix the object by hand, for copying. */
  fix: z.string(),
});
export type DriftedObject = z.infer<typeof driftedObject>;

export const commitInfo = z.object({
  sha: z.string(),
  author: z.string(),
  email: z.string(),
  committedAt: isoTime,
  message: z.string().describe("The subject line"),
});
export type CommitInfo = z.infer<typeof commitInfo>;

/**
 * Which step lags. in-sync: applied = fetched = Git head. source-not-fetched: Git head is newer than
 * the source's artifact. fetched-not-applied: the artifact is newer than what was applied.
 * paused: the reconciler is suspended at `applied`. failing: its reconciliation keeps failing.
 * unknown: Git head could not be read, so nothing is claimed.
 */
export const revisionLag = z.enum(["in-sync", "source-not-fetched", "fetched-not-applied", "paused", "failing", "unknown"]);
export type RevisionLag = z.infer<typeof revisionLag>;

export const revisionDrift = z.object({
  reconciler: ref,
  source: ref.nullable(),
  url: z.string().nullable().describe("The Git URL, without credentials"),
  ref: z.string().nullable().describe('What is tracked, e.g. "branch main" or "tag v1.2.0"'),
  gitHead: z.string().nullable().describe("Commit the tracked ref points at, from git ls-remote; null: Git head unknown"),
  gitHeadError: z.string().nullable().describe("Why Git head is unknown"),
  fetched: z.string().nullable().describe("The source's artifact revision"),
  applied: z.string().nullable().describe("The reconciler's last applied revision"),
  lag: revisionLag,
  /** Commits between applied and Git head, newest first; null when unknown. */
  behind: z.number().int().nullable(),
  commits: z.array(commitInfo),
  failingSince: isoTime.nullable(),
  failingMessage: z.string().nullable(),
});
export type RevisionDrift = z.infer<typeof revisionDrift>;

export const reconcilerDrift = z.object({
  reconciler: ref,
  mode: driftMode,
  /** Objects compared (the inventory, or the release's manifest). */
  total: z.number().int(),
  drifted: z.number().int(),
  /** Why drift could not be computed for this reconciler; its objects then count as unknown. */
  error: z.string().nullable(),
  /** helm-controller's own Drifted condition, where present, and whether Syncline agrees with it. */
  helmDrifted: z.object({ status: z.string(), message: z.string().nullable(), agrees: z.boolean() }).nullable(),
});
export type ReconcilerDrift = z.infer<typeof reconcilerDrift>;

/** in-sync is only ever claimed from a fresh, complete computation of a reachable cluster. */
export const driftState = z.enum(["in-sync", "drifted", "unknown"]);

export const driftSummary = z.object({
  clusterId: z.uuid(),
  state: driftState,
  drifted: z.number().int(),
  total: z.number().int(),
  handChanges: z.number().int(),
  /** The largest "commits behind" over the cluster's reconcilers; null when unknown. */
  behind: z.number().int().nullable(),
  computedAt: isoTime.nullable(),
  /** The cluster is unreachable, or the report is older than its inputs: shown with its age. */
  stale: z.boolean(),
  staleReason: z.string().nullable(),
  computing: z.boolean(),
});
export type DriftSummary = z.infer<typeof driftSummary>;

export const clusterDrift = driftSummary.extend({
  reconcilers: z.array(reconcilerDrift),
  revisions: z.array(revisionDrift),
  objects: z.array(driftedObject),
});
export type ClusterDrift = z.infer<typeof clusterDrift>;

/** One drift from when it appeared to when it was corrected. Kept after the cluster is back in sync. */
export const driftEpisode = z.object({
  id: z.uuid(),
  cluster: z.object({ id: z.uuid(), name: z.string() }),
  reconciler: ref,
  object: z.object({ apiVersion: z.string(), kind: z.string(), namespace: z.string(), name: z.string() }),
  change: objectDriftChange,
  fields: z.array(z.string()),
  managers: z.array(z.string()),
  appearedAt: isoTime,
  correctedAt: isoTime.nullable(),
  /** "flux" (Flux's apply), a user's name (a reconcile through Syncline), or null when unknown. */
  correctedBy: z.string().nullable(),
});
export type DriftEpisode = z.infer<typeof driftEpisode>;

/**
 * One object of a reconciler's inventory: its drift now (null when in sync or unknown), both sides
 * in full when it drifted (Secret values masked), and its drift history.
 */
export const objectDrift = z.object({
  reconciler: ref,
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  state: driftState,
  computedAt: isoTime.nullable(),
  drift: driftedObject.nullable(),
  desired: z.unknown().nullable(),
  live: z.unknown().nullable(),
  history: z.array(driftEpisode),
});
export type ObjectDrift = z.infer<typeof objectDrift>;
