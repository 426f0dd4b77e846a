import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TimelineDto } from "@/lib/schemas/timeline";
import { apiFetch, searchParams } from "./api-client";
import { apiPaths, keys, type TimelineFilters } from "./keys";

/** One repository's commits, newest first, with where each stands on every cluster. */
export function useTimeline(repositoryId: string, filters: TimelineFilters) {
  return useQuery({
    queryKey: keys.timeline.repository(repositoryId, filters),
    queryFn: ({ signal }) => apiFetch<TimelineDto>(apiPaths.timeline + searchParams({ source: repositoryId, ...filters }), { signal }),
    // Changing a filter keeps the grid on screen until the new one arrives, rather than flashing a skeleton.
    placeholderData: keepPreviousData,
    // Commits arrive on clusters while the page is open; the grid follows them.
    refetchInterval: 15_000,
  });
}
