import type { ClusterSummary } from "@/lib/fleet/dto";

/** The fleet in one line: how many clusters, how many need attention. */
export function FleetSummary({ clusters }: { clusters: ClusterSummary[] }) {
  const unreachable = clusters.filter((cluster) => cluster.health === "unreachable").length;
  const failing = clusters.reduce((sum, cluster) => sum + cluster.counts.failing, 0);
  const paused = clusters.filter((cluster) => cluster.autoSync.state !== "on").length;
  return (
    <span className="flex flex-wrap gap-x-3">
      <span>
        {clusters.length} {clusters.length === 1 ? "cluster" : "clusters"}
      </span>
      {unreachable > 0 && <span className="text-fail">{unreachable} unreachable</span>}
      {failing > 0 && <span className="text-fail">{failing} failing objects</span>}
      {paused > 0 && <span className="text-warn">auto-sync paused on {paused}</span>}
    </span>
  );
}
