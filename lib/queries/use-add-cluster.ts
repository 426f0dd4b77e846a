import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export interface AddClusterInput {
  name: string;
  kubeconfig: string;
  context?: string;
  labels?: Record<string, string>;
}

export function useAddCluster() {
  const queryClient = useQueryClient();
  return useMutation<ClusterDetail, ApiError, AddClusterInput>({
    mutationFn: (input) => apiFetch<ClusterDetail>(apiPaths.clusters, { method: "POST", body: input }),
    onSuccess: (cluster) => {
      queryClient.setQueryData(keys.clusters.detail(cluster.id), cluster);
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.clusters.list() });
    },
  });
}
