import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FluxEvent } from "@/lib/fleet/dto";
import { groupEvents } from "./group-events";

/** Recent events, newest first, each repeated event once: "ReconciliationSucceeded ×14, last 2 minutes ago". */
export function EventsList({ events }: { events: FluxEvent[] }) {
  if (events.length === 0) return <p className="px-4 py-3 text-[13px] text-fg-subtle">No recent Kubernetes events for this object.</p>;
  return (
    <ol className="divide-y divide-line">
      {groupEvents(events).map((event) => (
        <li key={`${event.type}-${event.reason}-${event.message}`} className="flex gap-3 px-4 py-2.5 text-[13px]">
          <Badge tone={event.type === "Warning" ? "fail" : "neutral"} className="mt-px w-16 justify-center">
            {event.type}
          </Badge>
          <div className="min-w-0 flex-1">
            <p className="break-words">
              <span className="font-medium">{event.reason}</span>
              {event.count > 1 && (
                <span className="font-medium text-fg-muted">
                  {" "}
                  ×{event.count}
                </span>
              )}{" "}
              <span className="text-fg-muted">{event.message}</span>
            </p>
            <p className="mt-0.5 text-xs text-fg-subtle">
              {event.count > 1 && "last "}
              <TimeAgo iso={event.lastSeen} />
              {event.count > 1 && (
                <>
                  {", first "}
                  <TimeAgo iso={event.firstSeen} />
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
