import type { ClusterSummary } from "@/lib/fleet/dto";
import { AutoSyncSwitch } from "./auto-sync-switch";
import { SuspensionCell } from "./suspension-cell";

/** The switch, and beside it who paused the cluster, why and for how long. */
export function AutoSyncCell({ cluster }: { cluster: ClusterSummary }) {
  return (
    <div className="flex w-full min-w-0 flex-col items-start gap-0.5">
      <AutoSyncSwitch clusterId={cluster.id} clusterName={cluster.name} autoSync={cluster.autoSync} />
      {cluster.suspension && <SuspensionCell suspension={cluster.suspension} />}
    </div>
  );
}
