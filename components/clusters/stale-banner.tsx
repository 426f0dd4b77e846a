import { formatAbsolute, TimeAgo } from "@/components/ui/time-ago";
import { WarningNotice } from "@/components/ui/warning-notice";
import type { ClusterSummary } from "@/lib/fleet/dto";

/** An unreachable cluster keeps its last-known objects on screen, clearly marked as such. */
export function StaleBanner({ cluster }: { cluster: ClusterSummary }) {
  const title = (
    <>
      {cluster.name} is unreachable — showing last-known state
      {cluster.lastSeenAt ? (
        <>
          {" "}
          from {formatAbsolute(cluster.lastSeenAt)} (<TimeAgo iso={cluster.lastSeenAt} />)
        </>
      ) : null}
    </>
  );
  return <WarningNotice title={title} detail={cluster.healthMessage} />;
}
