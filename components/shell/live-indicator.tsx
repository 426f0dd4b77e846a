import { cn } from "@/components/ui/cn";
import type { StreamStatus } from "@/lib/queries/use-fleet-events";

const labels: Record<StreamStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

/** Whether what is on screen is being kept current, so nobody trusts a frozen page. */
export function LiveIndicator({ status }: { status: StreamStatus }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 text-[11px] text-fg-subtle"
      title={status === "live" ? "Changes in your clusters appear as they happen" : "Live updates are paused; what you see may be out of date"}
    >
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", status === "live" ? "bg-ok-bar" : "animate-pulse bg-warn-bar")} />
      {labels[status]}
    </span>
  );
}
