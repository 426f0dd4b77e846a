import { Badge } from "@/components/ui/badge";
import { shortDateTime } from "@/components/ui/format";
import { formatAbsolute, useNow } from "@/components/ui/time-ago";
import type { SuspensionInfo } from "@/lib/fleet/dto";

/** Who paused it, why, and until when: the three things the next on-call person needs. */
export function SuspensionCell({ suspension }: { suspension: SuspensionInfo | null }) {
  const now = useNow();
  if (!suspension) return <span className="text-fg-subtle">—</span>;
  // Past its expiry yet still suspended: the resume failed (an unreachable cluster, a forbidden
  // object) and Syncline is retrying it with backoff.
  const overdue = suspension.until !== null && new Date(suspension.until).getTime() < now;
  const title = [
    suspension.outsideSyncline && "Suspended outside Syncline (kubectl, the flux CLI or another tool)",
    suspension.by && `By ${suspension.by}`,
    suspension.at && `At ${formatAbsolute(suspension.at)}`,
    suspension.reason && `Why: ${suspension.reason}`,
    suspension.until ? `${overdue ? "Expired" : "Resumes"} at ${formatAbsolute(suspension.until)}` : "No expiry",
    overdue && "The resume has not gone through yet; Syncline retries it with backoff",
  ]
    .filter(Boolean)
    .join("\n");
  return (
    <div className="flex min-w-0 items-center gap-1.5 text-xs" title={title}>
      {suspension.outsideSyncline && <Badge tone="warn">outside Syncline</Badge>}
      {suspension.by && <span className="shrink-0 font-medium">{suspension.by}</span>}
      {suspension.reason && <span className="min-w-0 truncate text-fg-muted">“{suspension.reason}”</span>}
      {overdue ? (
        <Badge tone="warn">resume overdue</Badge>
      ) : (
        suspension.until && (
          <span className="shrink-0 text-fg-subtle">
            until <time dateTime={suspension.until}>{shortDateTime(suspension.until)}</time>
          </span>
        )
      )}
    </div>
  );
}
