import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AutoSyncResult, ObjectRef } from "@/lib/fleet/dto";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export interface SetAutoSyncInput {
  enabled: boolean;
  reason?: string;
  /** ISO time at which Syncline resumes auto-sync by itself. */
  until?: string;
}

/** Pauses or resumes auto-sync for a whole cluster, or for one object when `object` is given. */
export function useSetAutoSync(clusterId: string, object?: ObjectRef) {
  const queryClient = useQueryClient();
  const path = object ? `${apiPaths.object(clusterId, object)}/auto-sync` : `${apiPaths.cluster(clusterId)}/auto-sync`;
  return useMutation<AutoSyncResult, ApiError, SetAutoSyncInput>({
    mutationFn: (input) => apiFetch<AutoSyncResult>(path, { method: "PUT", body: input }),
    // The event stream usually gets here first; this covers a stream that is down.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.clusters.all }), queryClient.invalidateQueries({ queryKey: keys.audit.all })]),
  });
}
