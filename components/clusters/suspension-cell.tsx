"use client";

import { ExpandableText } from "@/components/fleet/expandable-text";
import { Badge } from "@/components/ui/badge";
import { useNow } from "@/components/ui/time-ago";
import type { SuspensionInfo } from "@/lib/fleet/dto";
import { relativeAndAbsoluteTime } from "./pause-time";

// Past its expiry yet still suspended: the resume failed (an unreachable cluster, a forbidden
// object) and Syncline is retrying it with backoff.
const isOverdue = (suspension: SuspensionInfo, now: number) => suspension.until !== null && new Date(suspension.until).getTime() < now;

function shortUntil(iso: string, now: number): string {
  const minutes = Math.max(1, Math.round((new Date(iso).getTime() - now) / 60_000));
  return minutes < 60 ? `${minutes}m` : minutes < 48 * 60 ? `${Math.round(minutes / 60)}h` : `${Math.round(minutes / 1440)}d`;
}

/** Who paused it, why and until when, in full and wrapped: the three things the next on-call person needs. */
export function SuspensionDetails({ suspension }: { suspension: SuspensionInfo }) {
  const now = useNow();
  const overdue = isOverdue(suspension, now);
  return (
    <div className="flex flex-col gap-1 text-[13px] break-words whitespace-normal">
      {suspension.outsideSyncline && (
        <p>
          <Badge tone="warn">outside Syncline</Badge> <span className="text-fg-muted">suspended with kubectl, the flux CLI or another tool; Syncline does not know who or why</span>
        </p>
      )}
      {suspension.by && (
        <p>
          <span className="text-fg-muted">By </span>
          <span className="font-medium">{suspension.by}</span>
          {suspension.at && (
            <span className="text-fg-muted">
              , <time dateTime={suspension.at}>{relativeAndAbsoluteTime(suspension.at, now)}</time>
            </span>
          )}
        </p>
      )}
      {!suspension.outsideSyncline && (
        <p>
          <span className="text-fg-muted">Why: </span>
          {suspension.reason ? <q>{suspension.reason}</q> : <span className="text-fg-subtle">no reason given</span>}
        </p>
      )}
      {suspension.until ? (
        <p>
          <span className="text-fg-muted">{overdue ? "Expired " : "Resumes "}</span>
          <time dateTime={suspension.until}>{relativeAndAbsoluteTime(suspension.until, now)}</time>
          {overdue && <span className="text-warn">; the resume has not gone through yet, Syncline retries it with backoff</span>}
        </p>
      ) : (
        !suspension.outsideSyncline && <p className="text-fg-muted">No expiry: paused until someone resumes it</p>
      )}
    </div>
  );
}

/**
 * The same in one line for a table cell, cut where the column ends; the line is a button that
 * opens the full details, so the reason is readable by keyboard and on touch, not only on hover.
 */
export function SuspensionCell({ suspension }: { suspension: SuspensionInfo | null }) {
  const now = useNow();
  if (!suspension) return <span className="text-fg-subtle">—</span>;
  const overdue = isOverdue(suspension, now);
  return (
    // Bounded: a column sized to its content must not grow with a long reason.
    <div className="flex w-full max-w-64 min-w-0 items-center gap-1.5 text-xs">
      {suspension.outsideSyncline && <Badge tone="warn">outside Syncline</Badge>}
      {overdue && <Badge tone="warn">resume overdue</Badge>}
      <ExpandableText
        className="text-fg-muted"
        summary={
          <>
            {suspension.by && <span className="font-medium text-fg">{suspension.by}</span>}
            {suspension.reason && <> <span>“{suspension.reason}”</span></>}
            {suspension.until && !overdue && <> · in {shortUntil(suspension.until, now)}</>}
            {suspension.outsideSyncline && <>details</>}
          </>
        }
      >
        <SuspensionDetails suspension={suspension} />
      </ExpandableText>
    </div>
  );
}
