import type { ObjectOutcome } from "../audit/actions";
import type { KubeClient } from "./client";
import { isKubeError } from "./kube-error";
import { collectionPath, type FluxModelClass, type FluxObject } from "./resources";
import { failed, type PatchTarget } from "./patch-flux-objects";

export interface ListedTargets {
  targets: PatchTarget[];
  /** Objects that could not be read now (the list failed); known from the store, reported as failed. */
  unreadable: ObjectOutcome[];
}

/**
 * Reads the current objects of some kinds straight from the API server, since a change must be
 * decided on the live state rather than the (possibly stale) store. A kind whose CRD is absent
 * has no objects. When a list fails, the objects the store last saw of that kind are reported
 * as failed one by one, so nothing is skipped silently.
 */
export async function listFluxObjects(
  client: KubeClient,
  models: readonly FluxModelClass[],
  lastKnown: (model: FluxModelClass) => FluxObject[],
): Promise<ListedTargets> {
  const errors: unknown[] = [];
  const listed = await Promise.all(
    models.map(async (model) => {
      try {
        const list = await client.request<{ items: FluxObject[] }>("GET", collectionPath(model));
        return { targets: list.items.map((object) => ({ model, object })), unreadable: [] };
      } catch (error) {
        if (isKubeError(error) && error.status === 404) return { targets: [], unreadable: [] };
        errors.push(error);
        const known = lastKnown(model);
        return { targets: [], unreadable: known.map((object) => failed({ kind: model.kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name }, error)) };
      }
    }),
  );
  const result = { targets: listed.flatMap((l) => l.targets), unreadable: listed.flatMap((l) => l.unreadable) };
  // Nothing to report object by object: the failure itself is the answer.
  if (errors.length && result.targets.length === 0 && result.unreadable.length === 0) throw errors[0];
  return result;
}
