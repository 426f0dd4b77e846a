import { StatusPill } from "@/components/ui/badge";
import type { SourceDto } from "@/lib/schemas/sources";
import { rolloutCounts, rolloutLook } from "./describe-rollout";

/** How many clusters are in each state, e.g. "2 Reconciled · 1 Pending"; says so when nothing was applied yet. */
export function RolloutSummary({ source }: { source: Pick<SourceDto, "rollout" | "appliedHash" | "deleting"> }) {
  if (source.deleting) return <StatusPill tone="neutral" pulse>Deleting</StatusPill>;
  if (source.appliedHash === null) return <span className="text-[13px] text-fg-muted">Not applied yet</span>;
  if (source.rollout.length === 0) return <span className="text-[13px] text-fg-muted">No cluster targeted</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {rolloutCounts(source.rollout).map(({ state, count }) => {
        const look = rolloutLook(state);
        return (
          <StatusPill key={state} tone={look.tone} pulse={look.pulse} title={look.meaning}>
            {count} {look.label.toLowerCase()}
          </StatusPill>
        );
      })}
    </span>
  );
}
