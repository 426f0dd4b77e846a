import { useQuery } from "@tanstack/react-query";
import type { FluxObjectSummary } from "@/lib/fleet/dto";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useClusterObjects(clusterId: string) {
  return useQuery({
    queryKey: keys.clusters.objects(clusterId),
    queryFn: ({ signal }) => apiFetch<FluxObjectSummary[]>(apiPaths.objects(clusterId), { signal }),
  });
}
