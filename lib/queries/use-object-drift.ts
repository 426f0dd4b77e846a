import { useQuery } from "@tanstack/react-query";
import type { ObjectRef } from "@/lib/fleet/dto";
import type { ObjectDrift } from "@/lib/schemas/drift";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

/** One object's drift: both sides in full, the field diff and its drift history. */
export function useObjectDrift(clusterId: string, ref: ObjectRef) {
  return useQuery({
    queryKey: keys.drift.object(clusterId, ref),
    queryFn: ({ signal }) => apiFetch<ObjectDrift>(apiPaths.objectDrift(clusterId, ref), { signal }),
    refetchInterval: 15_000,
  });
}
