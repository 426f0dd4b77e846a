import type { PatchDecision, PatchTarget } from "../k8s/patch-flux-objects";
import { RECONCILE_REQUESTED_AT, resourceOf, type FluxResource } from "../k8s/resources";

/**
 * Asks Flux to reconcile now by changing reconcile.fluxcd.io/requestedAt, as `flux reconcile`
 * does. A suspended object would ignore it, so it is skipped, naming the switch that lifts it.
 */
export function reconcileDecision(at: Date) {
  return ({ model, object }: PatchTarget): PatchDecision => {
    const resource = resourceOf(model.kind, object);
    if (resource.suspended) return { outcome: "skipped", message: suspendedHint(resource) };
    return { patch: { metadata: { annotations: { [RECONCILE_REQUESTED_AT]: at.toISOString() } } }, guard: false };
  };
}

/**
 * A cluster-wide resume leaves suspensions made with kubectl or flux alone, so for those only the
 * object's own switch helps; one made by Syncline lifts with either switch.
 */
function suspendedHint(resource: FluxResource): string {
  const subject = `${resource.kind} ${resource.namespace}/${resource.name}`;
  const suspension = resource.suspension;
  if (!suspension || suspension.outsideSyncline) {
    return `${subject} is suspended outside Syncline (kubectl or flux); turn on this object's own auto-sync switch to lift that, then reconcile`;
  }
  const until = suspension.until ? ` until ${suspension.until}` : "";
  return `${subject} is suspended: paused by ${suspension.by ?? "Syncline"}${until}; turn auto-sync back on for this object or its cluster to reconcile it`;
}
