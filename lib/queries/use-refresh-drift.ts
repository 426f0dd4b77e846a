import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

/** Asks the leader to recompute a cluster's drift now; the result arrives in the cached report. */
export function useRefreshDrift(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, void>({
    mutationFn: () => apiFetch<unknown>(apiPaths.refreshDrift(clusterId), { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.drift.cluster(clusterId) }),
  });
}
