import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClusterSummary } from "@/lib/fleet/dto";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useRemoveCluster(id: string) {
  const queryClient = useQueryClient();
  return useMutation<{ id: string; name: string }, ApiError, void>({
    mutationFn: () => apiFetch<{ id: string; name: string }>(apiPaths.cluster(id), { method: "DELETE" }),
    // The page that removed it is about to navigate away; refetching its detail now would only
    // flash "not found". The fleet list drops it at once.
    onSuccess: () => {
      queryClient.setQueryData<ClusterSummary[]>(keys.clusters.list(), (list) => list?.filter((cluster) => cluster.id !== id));
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.clusters.list() });
    },
  });
}
