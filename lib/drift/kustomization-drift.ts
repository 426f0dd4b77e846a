import pLimit from "p-limit";
import { GitRepository, Kustomization, type FluxObject } from "../k8s/resources";
import { managedObjectsOf } from "../k8s/resources/managed-objects";
import type { KubeClient } from "../k8s/client";
import { isKubeError } from "../k8s/kube-error";
import type { DriftedObject, DriftMode, FieldDrift } from "../schemas/drift";
import { compareObject } from "./compare-object";
import type { DriftContext } from "./drift-context";
import type { DriftIgnoreRule } from "./drift-ignore-rules";
import { dryRunApply } from "./dry-run-apply";
import { handChangedFields } from "./hand-changed-fields";
import { objectPath } from "./object-path";
import { objectSides } from "./object-sides";
import type { InventoryObject, ReconcilerDriftResult } from "./reconciler-drift-result";
import { renderKustomization } from "./render-kustomization";
import { shouldSkipDiff } from "./should-skip-diff";

type KubeObject = Record<string, unknown>;
type Reconciler = DriftedObject["reconciler"];

/** Dry runs and reads in flight per Kustomization: enough to hide latency, not to flood the server. */
export const OBJECTS_AT_ONCE = 8;
const FLUX_MANAGER = "kustomize-controller";

/**
 * A Kustomization's object drift. With a flux CLI and a Git source, Flux's own path: render the
 * applied revision with `flux build`, dry-run apply each object as kustomize-controller, compare
 * with the live object (`flux diff kustomization`), and find objects deleted from the cluster and
 * inventory objects Git no longer renders. Otherwise, managedFields alone: fields written by hand
 * since the last apply. Anything that stops the computation is the summary's error, never in sync.
 */
export async function computeKustomizationDrift(ctx: DriftContext, kustomization: FluxObject): Promise<ReconcilerDriftResult> {
  const resource = new Kustomization(kustomization);
  const reconciler: Reconciler = { kind: Kustomization.kind, namespace: resource.namespace, name: resource.name };
  const source = resource.sourceRef;
  const mode: DriftMode = ctx.fluxCli && source?.kind === GitRepository.kind ? "dry-run" : "managed-fields";
  try {
    if (kustomization.spec?.kubeConfig) throw new Error("it applies to another cluster (spec.kubeConfig), whose objects Syncline does not read through this one");
    const found = mode === "dry-run" ? await dryRunDrift(ctx, resource, reconciler) : await managedFieldsDrift(ctx, resource, reconciler);
    return {
      summary: { reconciler, mode, total: found.compared.length, drifted: found.objects.length, error: found.errors.length > 0 ? found.errors.join("; ") : null, helmDrifted: null },
      objects: found.objects.map((entry) => entry.object),
      sides: found.objects.map((entry) => entry.sides),
      compared: found.compared,
    };
  } catch (error) {
    return { summary: { reconciler, mode, total: 0, drifted: 0, error: messageOf(error), helmDrifted: null }, objects: [], sides: [], compared: [] };
  }
}

interface Found {
  objects: Array<{ object: DriftedObject; sides: { desired: unknown; live: unknown } }>;
  compared: InventoryObject[];
  /** Objects that could not be compared: the rest is reported, and the reconciler is not in sync. */
  errors: string[];
}

async function dryRunDrift(ctx: DriftContext, resource: Kustomization, reconciler: Reconciler): Promise<Found> {
  const revision = resource.lastAppliedRevision;
  if (!revision) throw new Error("no revision has been applied yet");
  const ref = resource.sourceRef!;
  const gitRepository = ctx.objectsOf(GitRepository.kind).find((object) => object.metadata.name === ref.name && (object.metadata.namespace ?? "") === ref.namespace);
  if (!gitRepository) throw new Error(`its source GitRepository ${ref.namespace}/${ref.name} was not found`);
  const checkout = await ctx.checkout(gitRepository, revision);
  let rendered: KubeObject[];
  try {
    rendered = await renderKustomization({
      fluxCli: ctx.fluxCli!,
      kubeconfig: ctx.kubeconfig(),
      name: resource.name,
      namespace: resource.namespace,
      checkoutDir: checkout.dir,
      specPath: resource.object.spec?.path as string | undefined,
      signal: ctx.signal,
    });
  } finally {
    await checkout.dispose();
  }

  const ignore = (resource.object.spec?.ignore as DriftIgnoreRule[] | undefined) ?? [];
  const fix = fixCommand(resource);
  const limit = pLimit(OBJECTS_AT_ONCE);
  const found: Found = { objects: [], compared: [], errors: [] };
  const renderedKeys = new Set(rendered.map((object) => identityOf(refOf(object))));

  await Promise.all(
    rendered.map((desired) =>
      limit(async () => {
        const target = refOf(desired);
        try {
          const live = await getLive(ctx.client, target, ctx.signal);
          found.compared.push(target);
          if (!live) {
            if (shouldSkipDiff(desired, null)) return;
            const sides = objectSides({ desired, live: desired });
            found.objects.push({ object: drifted(reconciler, target, "missing", [], fix), sides: { desired: sides?.desired ?? null, live: null } });
            return;
          }
          if (shouldSkipDiff(desired, live)) return;
          const dryRun = await dryRunApply(ctx.client, desired, FLUX_MANAGER, ctx.signal);
          const fields = compareObject({ desired: dryRun, live, ignore });
          if (fields.length === 0) return;
          const sides = objectSides({ desired: dryRun, live, ignore });
          found.objects.push({ object: drifted(reconciler, target, "modified", fields, fix), sides: { desired: sides?.desired ?? null, live: sides?.live ?? null } });
        } catch (error) {
          found.errors.push(`${describe(target)}: ${messageOf(error)}`);
        }
      }),
    ),
  );

  const stale = inventoryOf(resource).filter((entry) => !renderedKeys.has(identityOf(entry)));
  const prune = resource.object.spec?.prune === true;
  await Promise.all(
    stale.map((entry) =>
      limit(async () => {
        try {
          const live = await getLive(ctx.client, entry, ctx.signal);
          if (!live) return;
          found.compared.push(entry);
          const sides = objectSides({ desired: live, live });
          const command = prune ? fix : `kubectl delete ${resourceName(entry)} ${entry.name}${entry.namespace ? ` -n ${entry.namespace}` : ""}`;
          found.objects.push({ object: drifted(reconciler, entry, "unmanaged", [], command), sides: { desired: null, live: sides?.live ?? null } });
        } catch (error) {
          found.errors.push(`${describe(entry)}: ${messageOf(error)}`);
        }
      }),
    ),
  );
  return sorted(found);
}

async function managedFieldsDrift(ctx: DriftContext, resource: Kustomization, reconciler: Reconciler): Promise<Found> {
  if (!managedObjectsOf(resource.object)) throw new Error("it keeps no inventory (status.inventory)");
  const inventory = inventoryOf(resource);
  const since = lastApplyTime(resource);
  const fix = fixCommand(resource);
  const limit = pLimit(OBJECTS_AT_ONCE);
  const found: Found = { objects: [], compared: [], errors: [] };
  await Promise.all(
    inventory.map((entry) =>
      limit(async () => {
        try {
          const live = await getLive(ctx.client, entry, ctx.signal);
          found.compared.push(entry);
          if (!live) {
            found.objects.push({ object: drifted(reconciler, entry, "missing", [], fix), sides: { desired: null, live: null } });
            return;
          }
          if (shouldSkipDiff(live, live)) return;
          const fields = handChangedFields(live, since);
          if (fields.length === 0) return;
          const sides = objectSides({ desired: live, live });
          found.objects.push({ object: drifted(reconciler, entry, "modified", fields, fix), sides: { desired: null, live: sides?.live ?? null } });
        } catch (error) {
          found.errors.push(`${describe(entry)}: ${messageOf(error)}`);
        }
      }),
    ),
  );
  return sorted(found);
}

/**
 * When kustomize-controller last applied: every successful reconciliation applies in full and
 * corrects drift, so a hand change after it is still in place. Its history entry for the applied
 * revision says when; the Ready condition's transition is the fallback for controllers before
 * status.history.
 */
function lastApplyTime(resource: Kustomization): string | null {
  const history = (resource.object.status?.history as Array<{ lastReconciled?: string; lastReconciledStatus?: string; metadata?: { revision?: string } }> | undefined) ?? [];
  const applied = history.find((entry) => entry.lastReconciledStatus === "ReconciliationSucceeded" && entry.metadata?.revision === resource.lastAppliedRevision);
  return applied?.lastReconciled ?? resource.readyCondition?.lastTransitionTime ?? null;
}

function drifted(reconciler: Reconciler, target: InventoryObject, change: DriftedObject["change"], fields: FieldDrift[], fix: string): DriftedObject {
  return {
    reconciler,
    apiVersion: target.apiVersion,
    kind: target.kind,
    namespace: target.namespace,
    name: target.name,
    change,
    fields,
    // A deletion is never Flux's while Git has the object; who deleted it is not recorded anywhere.
    handChange: change === "missing" || fields.some((field) => field.handChange),
    since: null,
    fix,
  };
}

/** Reconciling reverts hand changes and recreates deleted objects; a suspended Kustomization must be resumed to apply. */
function fixCommand(resource: Kustomization): string {
  const target = `kustomization ${resource.name} -n ${resource.namespace}`;
  return resource.suspended ? `flux resume ${target}` : `flux reconcile ${target} --with-source`;
}

function inventoryOf(resource: Kustomization): InventoryObject[] {
  return (managedObjectsOf(resource.object) ?? []).map(({ apiVersion, kind, namespace, name }) => ({ apiVersion, kind, namespace, name }));
}

function refOf(object: KubeObject): InventoryObject {
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  return { apiVersion: String(object.apiVersion ?? ""), kind: String(object.kind ?? ""), namespace: metadata.namespace ?? "", name: String(metadata.name ?? "") };
}

/** Versions aside: the inventory records the version applied, Git may have moved to another. */
function identityOf(object: { apiVersion: string; kind: string; namespace: string; name: string }): string {
  const group = object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "";
  return `${group}/${object.kind}/${object.namespace}/${object.name}`;
}

async function getLive(client: KubeClient, target: InventoryObject, signal?: AbortSignal): Promise<KubeObject | null> {
  const path = await objectPath(client, target, signal);
  try {
    return await client.request<KubeObject>("GET", path, { signal });
  } catch (error) {
    if (isKubeError(error) && error.status === 404) return null;
    throw error;
  }
}

/** kubectl's resource argument: `kind.group` names a kind of any group unambiguously. */
function resourceName(target: InventoryObject): string {
  const group = target.apiVersion.includes("/") ? target.apiVersion.split("/")[0] : "";
  return group ? `${target.kind.toLowerCase()}.${group}` : target.kind.toLowerCase();
}

function describe(target: InventoryObject): string {
  return `${target.kind}/${target.namespace ? `${target.namespace}/` : ""}${target.name}`;
}

const byIdentity = (a: InventoryObject, b: InventoryObject) => identityOf(a).localeCompare(identityOf(b));

/** Concurrency finishes in any order; a report reads the same each time. */
function sorted(found: Found): Found {
  return { objects: found.objects.sort((a, b) => byIdentity(a.object, b.object)), compared: found.compared.sort(byIdentity), errors: found.errors.sort() };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
