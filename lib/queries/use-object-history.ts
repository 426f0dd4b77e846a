import { useInfiniteQuery } from "@tanstack/react-query";
import type { ObjectRef, Page } from "@/lib/fleet/dto";
import type { SyncRecordDto } from "@/lib/schemas/timeline";
import { apiFetch, searchParams } from "./api-client";
import { apiPaths, keys } from "./keys";

// Steps are recorded by the leader from the same changes the page shows live; a short poll
// brings each new step in without a reload.
const REFRESH_MS = 15_000;

/** One object's sync steps, newest first, one cursor page at a time ("Load more"). */
export function useObjectHistory(clusterId: string, ref: ObjectRef) {
  return useInfiniteQuery({
    queryKey: keys.clusters.objectHistory(clusterId, ref),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiFetch<Page<SyncRecordDto>>(apiPaths.objectHistory(clusterId, ref) + searchParams({ cursor: pageParam }), { signal }),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: REFRESH_MS,
  });
}
