"use client";

import { StatusPill, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ClusterHealth, ClusterSummary } from "@/lib/fleet/dto";
import { ExpandableText } from "./expandable-text";

const health: Record<ClusterHealth, { tone: Tone; label: string }> = {
  connected: { tone: "ok", label: "Connected" },
  degraded: { tone: "warn", label: "Degraded" },
  unreachable: { tone: "fail", label: "Unreachable" },
  unknown: { tone: "neutral", label: "Connecting" },
};

/** Why a cluster is not simply connected; nothing to say when it is. */
export function healthReason(cluster: Pick<ClusterSummary, "health" | "healthMessage">): string | null {
  return cluster.health === "degraded" || cluster.health === "unreachable" ? cluster.healthMessage : null;
}

export function HealthPill({ value }: { value: ClusterHealth }) {
  const { tone, label } = health[value];
  return (
    <StatusPill tone={tone} pulse={value === "unknown"}>
      {label}
    </StatusPill>
  );
}

/** The reason in full, wrapped: for a page header, where there is room for it. */
export function HealthReason({ cluster, className }: { cluster: Pick<ClusterSummary, "health" | "healthMessage">; className?: string }) {
  const reason = healthReason(cluster);
  if (!reason) return null;
  return <p className={cn("text-[13px] break-words", cluster.health === "degraded" ? "text-warn" : "text-fail", className)}>{reason}</p>;
}

/**
 * For a table cell: the pill, then why it is degraded or unreachable (cut where the column ends,
 * opening in full on click, tap or Enter), or else when Syncline last heard from the cluster.
 */
export function HealthCell({ cluster }: { cluster: Pick<ClusterSummary, "health" | "healthMessage" | "lastSeenAt"> }) {
  const reason = healthReason(cluster);
  const seen = <TimeAgo iso={cluster.lastSeenAt} prefix="seen" fallback="never seen" />;
  return (
    <div className="flex w-full min-w-0 flex-col items-start gap-0.5">
      <HealthPill value={cluster.health} />
      {reason ? (
        <ExpandableText className={cn("max-w-48 text-[11px]", cluster.health === "degraded" ? "text-warn" : "text-fail")} summary={reason}>
          <p>{reason}</p>
          <p className="mt-1 text-xs text-fg-subtle">{seen}</p>
        </ExpandableText>
      ) : (
        <span className="text-[11px] text-fg-subtle">{seen}</span>
      )}
    </div>
  );
}
