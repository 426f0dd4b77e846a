import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { TimelineDto } from "@/lib/schemas/timeline";
import { apiFetch, searchParams } from "./api-client";
import { apiPaths, keys, type TimelineFilters } from "./keys";

/** One repository's commits, newest first, with where each stands on every cluster: one page at a time, older pages on demand. */
export function useTimeline(repositoryId: string, filters: TimelineFilters) {
  return useInfiniteQuery({
    queryKey: keys.timeline.repository(repositoryId, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiFetch<TimelineDto>(apiPaths.timeline + searchParams({ source: repositoryId, ...filters, cursor: pageParam }), { signal }),
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the grid on screen until the new one arrives, rather than flashing a skeleton.
    placeholderData: keepPreviousData,
    // Commits arrive on clusters while the page is open; the grid follows them. Every loaded page is refetched, newest first.
    refetchInterval: 15_000,
  });
}
