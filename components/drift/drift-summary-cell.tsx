"use client";

import Link from "next/link";
import { ExpandableText } from "@/components/fleet/expandable-text";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DriftSummary } from "@/lib/schemas/drift";
import { describeBehind, describeDriftCount, describeHandChanges } from "./describe-drift";
import { DriftPill } from "./drift-pill";
import { driftHref } from "./links";

/**
 * A cluster's drift in a fleet row: the state, "3 of 212 drifted", hand changes, commits behind and
 * the report's age; a stale report says why, openable in full.
 */
export function DriftSummaryCell({ summary, unavailable }: { summary: DriftSummary | undefined; unavailable?: boolean }) {
  if (!summary) return <span className="text-xs text-fg-subtle">{unavailable ? "drift could not be loaded" : "not computed yet"}</span>;
  const lag = [describeHandChanges(summary.handChanges), describeBehind(summary.behind)].filter(Boolean);
  return (
    // Narrow, its lines wrapping: the fleet keeps every column on a desktop's screen.
    <div className="flex w-28 min-w-0 flex-col items-start gap-0.5 whitespace-normal max-md:w-auto">
      <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
        <Link href={driftHref(summary.clusterId)} prefetch={false} className="rounded hover:underline" aria-label={`Drift: ${describeDriftCount(summary)}`}>
          <DriftPill summary={summary} />
        </Link>
        {summary.state === "drifted" && (
          // Drifted with every object matching Git: a reconciler lags or keeps failing.
          <span className="text-[11px] text-fg-muted">{summary.drifted > 0 ? describeDriftCount(summary) : "a revision lags"}</span>
        )}
      </span>
      {lag.length > 0 && <span className="text-[11px] text-fg-muted">{lag.join(" · ")}</span>}
      <DriftAge summary={summary} short />
    </div>
  );
}

/** "computed 2 min ago", "computing…", or why the report is stale; `short` for a table cell. */
export function DriftAge({ summary, short }: { summary: DriftSummary; short?: boolean }) {
  const age = <TimeAgo iso={summary.computedAt} prefix="computed" fallback="never computed" short={short} />;
  if (summary.computing) return <span className="text-[11px] text-fg-subtle">computing… ({age})</span>;
  if (summary.stale) {
    const reason = summary.staleReason ?? "older than its inputs";
    return (
      <ExpandableText className="max-w-full text-[11px] text-warn" summary={`stale: ${reason}`}>
        <p>Stale: {reason}</p>
        <p className="mt-1 text-xs text-fg-subtle">{age}</p>
      </ExpandableText>
    );
  }
  return <span className="text-[11px] text-fg-subtle">{age}</span>;
}
