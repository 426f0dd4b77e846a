import type { PatchDecision, PatchTarget } from "../k8s/patch-flux-objects";
import { resourceOf, suspensionAnnotations, type SuspendRequest } from "../k8s/resources";

/**
 * How one object's auto-sync changes, decided from its live state. Kept apart from the I/O so
 * the rules (idempotency, respect for suspensions made outside Syncline) are tested directly.
 */
export const autoSyncDecisions = {
  suspend(request: SuspendRequest) {
    return ({ model, object }: PatchTarget): PatchDecision => {
      const resource = resourceOf(model.kind, object);
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
   * alone and says so, since someone suspended them on purpose.
   */
  resume(at: Date, options: { includeOutside: boolean }) {
    return ({ model, object }: PatchTarget): PatchDecision => {
      const resource = resourceOf(model.kind, object);
      if (!resource.suspended) return { outcome: "unchanged", message: "auto-sync is already on" };
      if (resource.suspension?.outsideSyncline && !options.includeOutside) {
        return { outcome: "skipped", message: `${model.kind} ${resource.namespace}/${resource.name} was suspended outside Syncline; resume it on its own to override that` };
      }
      // Removing spec.suspend (rather than setting false) returns the field to what Git declares.
      return { patch: { metadata: { annotations: suspensionAnnotations.resume(at) }, spec: { suspend: null } }, guard: true };
    };
  },
};
