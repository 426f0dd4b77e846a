import type { ObjectOutcome } from "../audit/actions";
import type { PatchDecision, PatchTarget } from "./patch-flux-objects";

/**
 * The objects a patch run is about to change, for its audit intent: each target the decision
 * would patch, with the annotations it sets, which show afterwards whether the patch landed.
 */
export function plannedPatches(targets: PatchTarget[], decide: (target: PatchTarget) => PatchDecision): ObjectOutcome[] {
  return targets.flatMap((target) => {
    const decision = decide(target);
    if ("outcome" in decision) return [];
    const annotations = (decision.patch.metadata?.annotations ?? {}) as Record<string, string | null>;
    const expect = Object.fromEntries(Object.entries(annotations).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    return [{ kind: target.model.kind, namespace: target.object.metadata.namespace ?? "", name: target.object.metadata.name, outcome: "pending" as const, expect }];
  });
}
