import { formatISO } from "date-fns";
import type { PatchDecision, PatchTarget } from "../k8s/patch-flux-objects";
import { resourceOf, suspensionAnnotations, type SuspendRequest } from "../k8s/resources";
import { objectKey } from "./suspension-rows";

/** A per-object suspension Syncline holds open: its own reason and expiry, apart from the cluster's. */
export interface ObjectPause {
  actor: string;
  until: Date | null;
}

/** Per-object pauses, by objectKey; a whole-cluster switch leaves them to their own expiry. */
export type ObjectPauses = ReadonlyMap<string, ObjectPause>;

const noPauses: ObjectPauses = new Map();

function ownPause(pauses: ObjectPauses, { model, object }: PatchTarget): string | undefined {
  const pause = pauses.get(objectKey({ kind: model.kind, namespace: object.metadata.namespace ?? "", name: object.metadata.name }));
  if (!pause) return undefined;
  return `paused on its own by ${pause.actor}${pause.until ? ` until ${formatISO(pause.until)}` : ""}`;
}

/**
 * How one object's auto-sync changes, decided from its live state. Kept apart from the I/O so
 * the rules (idempotency, respect for suspensions made outside Syncline) are tested directly.
 */
export const autoSyncDecisions = {
  suspend(request: SuspendRequest, pauses: ObjectPauses = noPauses) {
    return ({ model, object }: PatchTarget): PatchDecision => {
      const resource = resourceOf(model.kind, object);
      const own = ownPause(pauses, { model, object });
      if (own && resource.suspended) return { outcome: "unchanged", message: `already ${own}; its own pause is kept, with its own expiry` };
      if (suspensionAnnotations.matches(resource.suspended, resource.annotations, request)) {
        return { outcome: "unchanged", message: "already suspended by Syncline" };
      }
      if (resource.suspended && resource.suspension?.outsideSyncline) {
        return { outcome: "unchanged", message: "already suspended outside Syncline; left as is" };
      }
      return { patch: { metadata: { annotations: suspensionAnnotations.suspend(request) }, spec: { suspend: true } }, guard: true };
    };
  },

  /**
   * Resumes what Syncline suspended. With `includeOutside` (an explicit per-object switch) a
   * suspension made with kubectl or flux is lifted too; a whole-cluster switch leaves those
   * alone and says so, since someone suspended them on purpose. It also leaves objects paused on
   * their own in Syncline (`pauses`): those end with their own switch or expiry.
   */
  resume(at: Date, options: { includeOutside: boolean; pauses?: ObjectPauses }) {
    return ({ model, object }: PatchTarget): PatchDecision => {
      const resource = resourceOf(model.kind, object);
      if (!resource.suspended) return { outcome: "unchanged", message: "auto-sync is already on" };
      const own = ownPause(options.pauses ?? noPauses, { model, object });
      if (own) return { outcome: "skipped", message: `${model.kind} ${resource.namespace}/${resource.name} is ${own}; it stays paused until then, or until it is resumed on its own` };
      if (resource.suspension?.outsideSyncline && !options.includeOutside) {
        return { outcome: "skipped", message: `${model.kind} ${resource.namespace}/${resource.name} was suspended outside Syncline; resume it on its own to override that` };
      }
      // Removing spec.suspend (rather than setting false) returns the field to what Git declares.
      return { patch: { metadata: { annotations: suspensionAnnotations.resume(at) }, spec: { suspend: null } }, guard: true };
    };
  },
};
