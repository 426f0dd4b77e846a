import { useQuery } from "@tanstack/react-query";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useClusters() {
  return useQuery({
    queryKey: keys.clusters.list(),
    queryFn: ({ signal }) => apiFetch<ClusterSummary[]>(apiPaths.clusters, { signal }),
  });
}
