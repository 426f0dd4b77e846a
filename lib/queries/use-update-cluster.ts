import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClusterDetail } from "@/lib/fleet/dto";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export interface UpdateClusterInput {
  name?: string;
  labels?: Record<string, string>;
  /** New credentials: the server vets and probes them as on registration. */
  kubeconfig?: string;
  context?: string;
  allowServerChange?: boolean;
}

export function useUpdateCluster(id: string) {
  const queryClient = useQueryClient();
  return useMutation<ClusterDetail, ApiError, UpdateClusterInput>({
    mutationFn: (input) => apiFetch<ClusterDetail>(apiPaths.cluster(id), { method: "PATCH", body: input }),
    onSuccess: (cluster) => {
      queryClient.setQueryData(keys.clusters.detail(id), cluster);
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.clusters.list() });
    },
  });
}
