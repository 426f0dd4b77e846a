import { compactNumber } from "@/components/ui/format";
import type { ObjectCounts } from "@/lib/fleet/dto";

const segments = [
  { key: "ready", className: "bg-ok-bar", label: "ready" },
  { key: "progressing", className: "bg-info-bar", label: "progressing" },
  { key: "suspended", className: "bg-warn-bar", label: "suspended" },
  { key: "failing", className: "bg-fail-bar", label: "failing" },
] as const;

/** One stacked bar reads faster than four numbers; the exact counts are in its label. */
export function CountsBar({ counts }: { counts: ObjectCounts }) {
  const summary = segments.map(({ key, label }) => `${counts[key]} ${label}`).join(", ");
  const other = Math.max(0, counts.total - counts.ready - counts.progressing - counts.suspended - counts.failing);
  return (
    <div className="flex items-center gap-2" title={`${summary} of ${counts.total}`}>
      <div role="img" aria-label={`${summary}, of ${counts.total} objects`} className="flex h-1.5 w-24 shrink-0 overflow-hidden rounded-full bg-selected">
        {counts.total > 0 &&
          segments.map(({ key, className }) =>
            counts[key] > 0 ? <span key={key} className={className} style={{ width: `${(counts[key] / counts.total) * 100}%` }} /> : null,
          )}
        {other > 0 && <span className="bg-neutral-bar" style={{ width: `${(other / counts.total) * 100}%` }} />}
      </div>
      <span className="text-xs tabular-nums text-fg-muted">
        {counts.failing > 0 ? (
          <>
            <span className="font-medium text-fail">{compactNumber(counts.failing)}</span>
            <span className="text-fg-subtle"> / </span>
          </>
        ) : null}
        {compactNumber(counts.total)}
      </span>
    </div>
  );
}
