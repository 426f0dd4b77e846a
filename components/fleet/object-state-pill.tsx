import { StatusPill, type Tone } from "@/components/ui/badge";
import type { ObjectState } from "@/lib/fleet/dto";

// Suspended is amber and never green: a paused object is not "fine", it is not being kept in sync.
export const objectStates: Record<ObjectState, { tone: Tone; label: string }> = {
  ready: { tone: "ok", label: "Ready" },
  failing: { tone: "fail", label: "Failing" },
  progressing: { tone: "info", label: "Progressing" },
  suspended: { tone: "warn", label: "Suspended" },
  unknown: { tone: "neutral", label: "Unknown" },
};

/** A failing object that Flux is retrying says so: it is still failing, and still being worked on. */
export function ObjectStatePill({ state, retrying = false }: { state: ObjectState; retrying?: boolean }) {
  const { tone, label } = objectStates[state];
  const retryingNow = state === "failing" && retrying;
  return (
    <StatusPill tone={tone} pulse={state === "progressing" || retryingNow}>
      {retryingNow ? "Failing, retrying" : label}
    </StatusPill>
  );
}
