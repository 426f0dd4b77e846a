import pLimit from "p-limit";
import { HelmRelease, Kustomization, resourceOf, type FluxObject } from "../k8s/resources";
import type { ClusterDrift, DriftedObject, ReconcilerDrift, RevisionDrift } from "../schemas/drift";
import type { DriftContext } from "./drift-context";
import type { InventoryObject, ReconcilerDriftResult } from "./reconciler-drift-result";
import { NOT_GIT } from "./revision-drift";

type ReconcilerKind = "Kustomization" | "HelmRelease";

/** The engine's three computations (lib/drift), passed in so the aggregation is tested on its own. */
export interface DriftEngine {
  kustomization(ctx: DriftContext, kustomization: FluxObject): Promise<ReconcilerDriftResult>;
  helmRelease(ctx: DriftContext, helmRelease: FluxObject): Promise<ReconcilerDriftResult>;
  revision(ctx: DriftContext, kind: ReconcilerKind, object: FluxObject): Promise<RevisionDrift>;
}

/** An object that was compared, with the reconciler whose inventory holds it. */
export interface ComparedObject extends InventoryObject {
  reconciler: { kind: string; namespace: string; name: string };
}

export interface ObjectSides {
  desired: unknown;
  live: unknown;
}

/** A cluster's drift as computed now: the report, and what the report alone does not carry. */
export interface ComputedClusterDrift {
  drift: ClusterDrift;
  compared: ComparedObject[];
  /** Both sides of each drifted object, keyed by objectKeyOf. */
  sides: Record<string, ObjectSides>;
}

/** Reconcilers computed at once on one cluster: each runs dry runs and `flux build`, which cost the apiserver and this machine. */
export const RECONCILERS_AT_ONCE = 4;

/** Lags that mean the cluster runs something other than Git's head; `paused` alone does not. */
const LAGGING = new Set(["source-not-fetched", "fetched-not-applied", "failing"]);

export const objectKeyOf = (object: { kind: string; namespace: string; name: string }) => `${object.kind}/${object.namespace}/${object.name}`;

/**
 * Every Kustomization's and HelmRelease's object drift and revision drift on one cluster, at most
 * RECONCILERS_AT_ONCE reconcilers at a time. "in-sync" is claimed only when every reconciler and
 * every revision was computed: a failure anywhere leaves the report stale with the reason, and
 * "unknown" unless drift was found anyway (what was found is true).
 */
export async function computeClusterDrift(ctx: DriftContext, engine: DriftEngine, now: () => Date = () => new Date()): Promise<ComputedClusterDrift> {
  const limit = pLimit(RECONCILERS_AT_ONCE);
  const reconcilers: Array<{ kind: ReconcilerKind; object: FluxObject }> = [
    ...ctx.objectsOf(Kustomization.kind).map((object) => ({ kind: Kustomization.kind, object })),
    ...ctx.objectsOf(HelmRelease.kind).map((object) => ({ kind: HelmRelease.kind, object })),
  ];
  const outcomes = await Promise.all(
    reconcilers.map(({ kind, object }) =>
      limit(async () => {
        const ref = refOf(kind, object);
        const compute = kind === Kustomization.kind ? engine.kustomization : engine.helmRelease;
        const [objects, revision] = await Promise.all([
          compute(ctx, object).catch((error: unknown) => failedReconciler(ref, error)),
          engine.revision(ctx, kind, object).catch((error: unknown) => unknownRevision(ref, object, error)),
        ]);
        return { ref, objects, revision };
      }),
    ),
  );

  const objects: DriftedObject[] = [];
  const compared: ComparedObject[] = [];
  const sides: Record<string, ObjectSides> = {};
  const problems: string[] = [];
  for (const { ref, objects: result, revision } of outcomes) {
    result.objects.forEach((object, index) => {
      objects.push(object);
      sides[objectKeyOf(object)] = result.sides[index] ?? { desired: null, live: null };
    });
    compared.push(...result.compared.map((object) => ({ ...object, reconciler: ref })));
    if (result.summary.error) problems.push(`${objectKeyOf(ref)}: ${result.summary.error}`);
    if (revision.lag === "unknown") problems.push(`${objectKeyOf(ref)}: Git head unknown${revision.gitHeadError ? ` (${revision.gitHeadError})` : ""}`);
  }
  const revisions = outcomes.map((outcome) => outcome.revision);
  const lagging = revisions.some((revision) => LAGGING.has(revision.lag) || revision.failingSince !== null || (revision.behind ?? 0) > 0);
  const drifted = objects.length > 0 || lagging;
  const state = drifted ? "drifted" : problems.length > 0 ? "unknown" : "in-sync";
  return {
    drift: {
      clusterId: ctx.clusterId,
      state,
      drifted: objects.length,
      total: compared.length,
      handChanges: objects.filter((object) => object.handChange).length,
      behind: behindOf(revisions),
      computedAt: now().toISOString(),
      stale: problems.length > 0,
      staleReason: problems.length > 0 ? problems.join("; ") : null,
      computing: false,
      reconcilers: outcomes.map((outcome) => outcome.objects.summary),
      revisions,
      objects,
    },
    compared,
    sides,
  };
}

function refOf(kind: ReconcilerKind, object: FluxObject) {
  const resource = resourceOf(kind, object);
  return { kind, namespace: resource.namespace, name: resource.name };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function failedReconciler(reconciler: ReconcilerDrift["reconciler"], error: unknown): ReconcilerDriftResult {
  return {
    summary: { reconciler, mode: "dry-run", total: 0, drifted: 0, error: messageOf(error), helmDrifted: null },
    objects: [],
    sides: [],
    compared: [],
  };
}

function unknownRevision(reconciler: RevisionDrift["reconciler"], object: FluxObject, error: unknown): RevisionDrift {
  const resource = resourceOf(reconciler.kind as ReconcilerKind, object);
  const source = resource.sourceRef;
  return {
    reconciler,
    source: source && { kind: source.kind, namespace: source.namespace, name: source.name },
    url: null,
    ref: null,
    gitHead: null,
    gitHeadError: messageOf(error),
    fetched: null,
    applied: resource.revision,
    lag: "unknown",
    behind: null,
    commits: [],
    failingSince: null,
    failingMessage: null,
  };
}

/** The most commits any Git-sourced reconciler is behind; unknown when any of them is unknown. */
function behindOf(revisions: RevisionDrift[]): number | null {
  const counted = revisions.filter((revision) => revision.gitHeadError !== NOT_GIT);
  return counted.some((revision) => revision.behind === null) ? null : Math.max(0, ...counted.map((revision) => revision.behind ?? 0));
}
