import type { PatchDecision, PatchTarget } from "../k8s/patch-flux-objects";
import { RECONCILE_REQUESTED_AT, resourceOf } from "../k8s/resources";

/**
 * Asks Flux to reconcile now by changing reconcile.fluxcd.io/requestedAt, as `flux reconcile`
 * does. A suspended object would ignore it, so it is skipped with a message instead.
 */
export function reconcileDecision(at: Date) {
  return ({ model, object }: PatchTarget): PatchDecision => {
    const resource = resourceOf(model.kind, object);
    if (resource.suspended) {
      return { outcome: "skipped", message: `${model.kind} ${resource.namespace}/${resource.name} is suspended; resume auto-sync to reconcile it` };
    }
    return { patch: { metadata: { annotations: { [RECONCILE_REQUESTED_AT]: at.toISOString() } } }, guard: false };
  };
}
