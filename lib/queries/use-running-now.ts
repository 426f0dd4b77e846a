import { useQuery } from "@tanstack/react-query";
import type { RunningNowDto } from "@/lib/schemas/timeline";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

// Deployments are written by the leader after Flux applies, so the live object stream cannot say
// when they change; a short poll keeps the panel close to the cluster.
const REFRESH_MS = 15_000;

export function useRunningNow(clusterId: string) {
  return useQuery({
    queryKey: keys.clusters.running(clusterId),
    queryFn: ({ signal }) => apiFetch<RunningNowDto>(apiPaths.running(clusterId), { signal }),
    refetchInterval: REFRESH_MS,
  });
}
