import { useQuery } from "@tanstack/react-query";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useCluster(id: string) {
  return useQuery({
    queryKey: keys.clusters.detail(id),
    queryFn: ({ signal }) => apiFetch<ClusterDetail>(apiPaths.cluster(id), { signal }),
  });
}
