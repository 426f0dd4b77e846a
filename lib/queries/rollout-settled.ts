import type { RolloutState, SourceDto } from "@/lib/schemas/sources";

/** States that change by themselves within seconds: the leader applies, Flux fetches and applies, a removal completes. */
const MOVING: ReadonlySet<RolloutState> = new Set(["pending", "applied", "fetched", "removing"]);

export const rolloutStateMoving = (state: RolloutState) => MOVING.has(state);

/** Whether a source's rollout has come to rest on every cluster, so that watching it closely can stop. */
export function rolloutSettled(source: Pick<SourceDto, "rollout" | "deleting">): boolean {
  return !source.deleting && source.rollout.every((cluster) => !rolloutStateMoving(cluster.state));
}
