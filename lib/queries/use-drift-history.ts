import { useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "@/lib/fleet/dto";
import type { DriftEpisode } from "@/lib/schemas/drift";
import { apiFetch, searchParams } from "./api-client";
import { apiPaths, keys, type DriftHistoryFilters } from "./keys";

/** Drift episodes, newest first, one cursor page at a time ("Load more"). */
export function useDriftHistory(filters: DriftHistoryFilters) {
  return useInfiniteQuery({
    queryKey: keys.drift.history(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiFetch<Page<DriftEpisode>>(apiPaths.driftHistory + searchParams({ ...filters, cursor: pageParam }), { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
