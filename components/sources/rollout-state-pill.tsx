import { StatusPill } from "@/components/ui/badge";
import type { RolloutState } from "@/lib/schemas/sources";
import { rolloutLook } from "./describe-rollout";

/** One cluster's rollout state: the dot pulses while it is still moving. */
export function RolloutStatePill({ state }: { state: RolloutState }) {
  const look = rolloutLook(state);
  return (
    <StatusPill tone={look.tone} pulse={look.pulse} title={look.meaning}>
      {look.label}
    </StatusPill>
  );
}
