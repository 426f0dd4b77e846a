import pLimit from "p-limit";
import { isKubeError } from "../k8s/kube-error";
import { HelmRelease, type FluxObject } from "../k8s/resources";
import type { DriftedObject, ReconcilerDrift } from "../schemas/drift";
import { compareObject } from "./compare-object";
import { discoverApiResources } from "./discover-api-resources";
import type { DriftContext } from "./drift-context";
import type { DriftIgnoreRule } from "./drift-ignore-rules";
import { dryRunApply } from "./dry-run-apply";
import { helmManifestObjects, type ManifestObject } from "./helm-manifest-objects";
import { helmReleaseFixCommand } from "./helm-release-fix-command";
import { objectPath } from "./object-path";
import { objectSides } from "./object-sides";
import { readDeployedHelmRelease } from "./read-deployed-helm-release";
import type { InventoryObject, ReconcilerDriftResult } from "./reconciler-drift-result";
import { shouldSkipDiff, type DiffSelectors } from "./should-skip-diff";

/** The field manager helm-controller applies and diffs with (internal/kube ManagedFieldsManager). */
const HELM_CONTROLLER = "helm-controller";

/** helm-controller's only exclusion (jsondiff.ExclusionSelector in internal/action/diff.go); Helm has no "if not present". */
const HELM_DIFF_SELECTORS: DiffSelectors = { exclusions: { "helm.toolkit.fluxcd.io/driftDetection": "disabled" }, ifNotPresent: {} };

/** Objects of one release compared at once: each is a GET and a dry run against the API server. */
const OBJECTS_AT_ONCE = 4;

type KubeObject = Record<string, unknown>;

interface Comparison {
  object: InventoryObject;
  drift: { change: "modified" | "missing"; fields: DriftedObject["fields"]; sides: { desired: unknown; live: unknown } } | null;
}

/**
 * A HelmRelease's object drift, found the way helm-controller's drift detection finds it
 * (internal/action/diff.go): the manifest of the release it last deployed, read from Helm's
 * storage, each object server-side applied as a dry run by "helm-controller" and compared with
 * the live object, honouring `spec.driftDetection.ignore` and the per-object opt-out. An object
 * of the manifest that is gone from the cluster is `missing`. Needs no flux CLI: the desired
 * state is the stored release, not a render. Anything that stops the computation, or the
 * comparison of one object, is the summary's error, never in sync.
 */
export async function computeHelmReleaseDrift(ctx: DriftContext, helmRelease: FluxObject): Promise<ReconcilerDriftResult> {
  const reconciler = { kind: HelmRelease.kind, namespace: helmRelease.metadata.namespace ?? "", name: helmRelease.metadata.name };
  const summary = (compared: number, drifted: number, error: string | null): ReconcilerDrift => ({
    reconciler,
    mode: "dry-run",
    total: compared,
    drifted,
    error,
    helmDrifted: helmDriftedCondition(helmRelease, drifted > 0),
  });
  let objects: ManifestObject[];
  try {
    objects = await deployedObjects(ctx, helmRelease);
  } catch (error) {
    return { summary: summary(0, 0, messageOf(error)), objects: [], sides: [], compared: [] };
  }

  const ignore = (helmRelease.spec?.driftDetection as { ignore?: DriftIgnoreRule[] } | undefined)?.ignore ?? [];
  const limit = pLimit(OBJECTS_AT_ONCE);
  const outcomes = await Promise.all(objects.map((object) => limit(() => compare(ctx, object, ignore).catch((error: unknown) => ({ object: refOf(object), error: messageOf(error) })))));
  const comparisons = outcomes.filter((outcome): outcome is Comparison => !("error" in outcome));
  const errors = outcomes.flatMap((outcome) => ("error" in outcome ? [`${describe(outcome.object)}: ${outcome.error}`] : []));
  const drifted = comparisons.filter((c): c is Comparison & { drift: NonNullable<Comparison["drift"]> } => c.drift !== null);
  const fix = helmReleaseFixCommand(helmRelease);
  return {
    summary: summary(comparisons.length, drifted.length, errors.length > 0 ? errors.join("; ") : null),
    objects: drifted.map(({ object, drift }) => ({
      reconciler,
      ...object,
      change: drift.change,
      fields: drift.fields,
      // Flux never deletes an object of the deployed release, so a missing one was removed by hand.
      handChange: drift.change === "missing" || drift.fields.some((field) => field.handChange),
      since: null,
      fix,
    })),
    sides: drifted.map(({ drift }) => drift.sides),
    compared: comparisons.map((c) => c.object),
  };
}

/** The objects of the release deployed now, placed as helm-controller places them; none when nothing is deployed. */
async function deployedObjects(ctx: DriftContext, helmRelease: FluxObject): Promise<ManifestObject[]> {
  const release = await readDeployedHelmRelease(ctx.client, helmRelease, ctx.signal);
  if (!release) return [];
  return helmManifestObjects(release.manifest, release, async (apiVersions) => {
    const resources = await discoverApiResources(ctx.client, apiVersions, ctx.signal);
    return (apiVersion, kind) => resources.find(apiVersion, kind)?.namespaced ?? true;
  });
}

async function compare(ctx: DriftContext, object: ManifestObject, ignore: readonly DriftIgnoreRule[]): Promise<Comparison> {
  const ref = refOf(object);
  const live = await readLive(ctx, ref);
  if (shouldSkipDiff(object, live, HELM_DIFF_SELECTORS)) return { object: ref, drift: null };
  if (!live) {
    const sides = objectSides({ desired: object, live: object, ignore });
    return { object: ref, drift: sides ? { change: "missing", fields: [], sides: { desired: sides.desired, live: null } } : null };
  }
  const desired = await dryRunApply(ctx.client, object, HELM_CONTROLLER, ctx.signal);
  const fields = compareObject({ desired, live, ignore, selectors: HELM_DIFF_SELECTORS });
  if (fields.length === 0) return { object: ref, drift: null };
  const sides = objectSides({ desired, live, ignore })!;
  return { object: ref, drift: { change: "modified", fields, sides } };
}

async function readLive(ctx: DriftContext, ref: InventoryObject): Promise<KubeObject | null> {
  const path = await objectPath(ctx.client, ref, ctx.signal);
  try {
    return await ctx.client.request<KubeObject>("GET", path, { signal: ctx.signal });
  } catch (error) {
    if (isKubeError(error) && error.status === 404) return null;
    throw error;
  }
}

const refOf = (object: ManifestObject): InventoryObject => ({ apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name });
const describe = (object: InventoryObject) => `${object.kind}/${object.namespace ? `${object.namespace}/` : ""}${object.name}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * helm-controller's own verdict (its Drifted condition, set in warn and enabled modes) and whether
 * Syncline agrees: both find drift, or neither does. While the release is suspended the condition
 * keeps its last verdict, so it may disagree with what is live now.
 */
function helmDriftedCondition(helmRelease: FluxObject, synclineFindsDrift: boolean): ReconcilerDrift["helmDrifted"] {
  const condition = helmRelease.status?.conditions?.find((c) => c.type === "Drifted");
  if (!condition) return null;
  return { status: condition.status, message: condition.message ?? null, agrees: (condition.status === "True") === synclineFindsDrift };
}
