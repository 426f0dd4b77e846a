import { useQuery } from "@tanstack/react-query";
import type { FluxObjectDetail, ObjectRef } from "@/lib/fleet/dto";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useFluxObject(clusterId: string, ref: ObjectRef) {
  return useQuery({
    queryKey: keys.clusters.object(clusterId, ref),
    queryFn: ({ signal }) => apiFetch<FluxObjectDetail>(apiPaths.object(clusterId, ref), { signal }),
  });
}
