import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ObjectRef, ReconcileResult } from "@/lib/fleet/dto";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

/** Asks Flux to reconcile now: every reconciler of a cluster, or one object when `object` is given. */
export function useReconcile(clusterId: string, object?: ObjectRef) {
  const queryClient = useQueryClient();
  const path = object ? `${apiPaths.object(clusterId, object)}/reconcile` : `${apiPaths.cluster(clusterId)}/reconcile`;
  return useMutation<ReconcileResult, ApiError, void>({
    mutationFn: () => apiFetch<ReconcileResult>(path, { method: "POST" }),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.clusters.objects(clusterId) }), queryClient.invalidateQueries({ queryKey: keys.audit.all })]),
  });
}
