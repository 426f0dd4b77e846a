import { formatAbsolute, TimeAgo } from "@/components/ui/time-ago";
import { AlertIcon } from "@/components/ui/icons";
import type { ClusterSummary } from "@/lib/fleet/dto";

/** An unreachable cluster keeps its last-known objects on screen, clearly marked as such. */
export function StaleBanner({ cluster }: { cluster: ClusterSummary }) {
  return (
    <div role="status" className="flex items-start gap-2.5 rounded-lg border border-warn/40 bg-warn-soft px-3.5 py-2.5 text-[13px]">
      <AlertIcon className="mt-0.5 shrink-0 text-warn" />
      <div className="min-w-0">
        <p className="font-medium text-fg">
          {cluster.name} is unreachable — showing last-known state
          {cluster.lastSeenAt ? (
            <>
              {" "}
              from {formatAbsolute(cluster.lastSeenAt)} (<TimeAgo iso={cluster.lastSeenAt} />)
            </>
          ) : null}
        </p>
        {cluster.healthMessage && <p className="mt-0.5 break-words text-fg-muted">{cluster.healthMessage}</p>}
      </div>
    </div>
  );
}
