import { useQuery } from "@tanstack/react-query";
import type { EffectivePausePolicy } from "@/lib/schemas/pause-policies";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

/** The pause policy for a cluster's labels, fetched when the pause dialog opens. */
export function useClusterPausePolicy(clusterId: string) {
  return useQuery({
    queryKey: keys.clusters.pausePolicy(clusterId),
    queryFn: ({ signal }) => apiFetch<EffectivePausePolicy>(apiPaths.clusterPausePolicy(clusterId), { signal }),
  });
}
