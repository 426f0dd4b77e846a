import { useQuery } from "@tanstack/react-query";
import type { ClusterDrift } from "@/lib/schemas/drift";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

interface Options {
  /** A recompute was asked for when the report had this computedAt: look often until it moves on. */
  awaitingChangeFrom?: { computedAt: string | null };
}

/** One cluster's drift report: summary, reconcilers, revisions and drifted objects with their diffs. */
export function useClusterDrift(clusterId: string, { awaitingChangeFrom }: Options = {}) {
  return useQuery({
    queryKey: keys.drift.cluster(clusterId),
    queryFn: ({ signal }) => apiFetch<ClusterDrift>(apiPaths.clusterDrift(clusterId), { signal }),
    refetchInterval: (query) => {
      const data = query.state.data;
      const waiting = awaitingChangeFrom !== undefined && data?.computedAt === awaitingChangeFrom.computedAt;
      return waiting || data?.computing ? 2_000 : 15_000;
    },
  });
}
