import type { ObjectOutcome } from "../audit/actions";
import type { KubeClient } from "./client";
import { isKubeError } from "./kube-error";
import { objectPath, type FluxModelClass, type FluxObject } from "./resources";

export interface PatchTarget {
  model: FluxModelClass;
  object: FluxObject;
}

/** What to do with one object, decided from its current state. */
export type PatchDecision =
  | { patch: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> }; guard: boolean; message?: string }
  | { outcome: "unchanged" | "skipped"; message: string };

/** Flux writes an object's status often right after a change; a guarded patch re-reads and retries that many times. */
const CONFLICT_RETRIES = 3;

/** Enough requests in flight to keep the API server busy; beyond this it only queues them. */
const CONCURRENCY = 32;

/**
 * Applies a JSON merge patch to each target, reporting every object's outcome. With `guard`, the
 * patch carries the resourceVersion the decision was based on, so a concurrent change makes it
 * fail with 409 instead of being overwritten; the object is then re-read, re-decided and
 * patched again, up to CONFLICT_RETRIES times. `onPatched` receives each object as written.
 */
export async function patchFluxObjects(
  client: KubeClient,
  targets: PatchTarget[],
  decide: (target: PatchTarget) => PatchDecision,
  onPatched: (model: FluxModelClass, object: FluxObject) => void,
): Promise<ObjectOutcome[]> {
  const results: ObjectOutcome[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      results[index] = await patchOne(client, targets[index]!, decide, onPatched);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
  return results;
}

async function patchOne(
  client: KubeClient,
  target: PatchTarget,
  decide: (target: PatchTarget) => PatchDecision,
  onPatched: (model: FluxModelClass, object: FluxObject) => void,
): Promise<ObjectOutcome> {
  const ref = { kind: target.model.kind, namespace: target.object.metadata.namespace ?? "", name: target.object.metadata.name };
  const path = objectPath(target.model, ref.namespace, ref.name);
  let current = target;
  for (let attempt = 0; ; attempt++) {
    const decision = decide(current);
    if ("outcome" in decision) return { ...ref, outcome: decision.outcome, message: decision.message };
    const metadata = decision.guard ? { ...decision.patch.metadata, resourceVersion: current.object.metadata.resourceVersion } : decision.patch.metadata;
    try {
      const patched = await client.request<FluxObject>("PATCH", path, { body: { ...decision.patch, metadata }, contentType: "application/merge-patch+json" });
      onPatched(target.model, { ...patched, apiVersion: target.model.apiVersion, kind: target.model.kind });
      return { ...ref, outcome: "changed", ...(decision.message ? { message: decision.message } : {}) };
    } catch (error) {
      if (!isKubeError(error)) throw error;
      if (error.status === 409 && attempt < CONFLICT_RETRIES) {
        try {
          current = { model: target.model, object: await client.request<FluxObject>("GET", path) };
          continue;
        } catch (reread) {
          return failed(ref, reread);
        }
      }
      return failed(ref, error);
    }
  }
}

/** A failure message starts with the KubeError reason (forbidden, conflict, unreachable…) so it reads and filters plainly. */
export function failed(ref: { kind: string; namespace: string; name: string }, error: unknown): ObjectOutcome {
  if (!isKubeError(error)) throw error;
  return { ...ref, outcome: "failed", message: `${error.reason}: ${error.message}` };
}
