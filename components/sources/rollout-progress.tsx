import { rolloutStateMoving } from "@/lib/queries/rollout-settled";
import type { ClusterRolloutDto } from "@/lib/schemas/sources";

/** While a rollout moves: how many clusters have settled, as a bar that says the same in words. */
export function RolloutProgress({ rollout }: { rollout: ClusterRolloutDto[] }) {
  const settled = rollout.filter((cluster) => !rolloutStateMoving(cluster.state)).length;
  if (rollout.length === 0 || settled === rollout.length) return null;
  const percent = Math.round((settled / rollout.length) * 100);
  const label = `Rolling out: ${settled} of ${rollout.length} clusters settled`;
  return (
    <div className="flex items-center gap-3 px-4 py-2.5 text-[13px] text-fg-muted">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={rollout.length} aria-valuenow={settled} className="h-1.5 w-40 overflow-hidden rounded-full bg-selected">
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span aria-hidden="true">{label}; refreshing every few seconds</span>
    </div>
  );
}
