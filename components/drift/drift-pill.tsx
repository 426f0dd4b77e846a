import { StatusPill, type Tone } from "@/components/ui/badge";
import type { DriftSummary } from "@/lib/schemas/drift";

const states: Record<DriftSummary["state"], { tone: Tone; label: string }> = {
  "in-sync": { tone: "ok", label: "In sync" },
  drifted: { tone: "warn", label: "Drifted" },
  unknown: { tone: "neutral", label: "Drift unknown" },
};

/** The drift state; a stale report is never shown as in sync, whatever it said when computed. */
export function DriftPill({ summary }: { summary: Pick<DriftSummary, "state" | "stale" | "computing"> }) {
  const state = summary.stale && summary.state === "in-sync" ? "unknown" : summary.state;
  const { tone, label } = states[state];
  return (
    <StatusPill tone={tone} pulse={summary.computing}>
      {label}
    </StatusPill>
  );
}
