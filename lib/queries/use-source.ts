import { useQuery } from "@tanstack/react-query";
import type { SourceDto } from "@/lib/schemas/sources";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";
import { rolloutSettled } from "./rollout-settled";

/** One source; re-read every few seconds until every cluster's rollout has settled. */
export function useSource(id: string) {
  return useQuery({
    queryKey: keys.sources.detail(id),
    queryFn: ({ signal }) => apiFetch<SourceDto>(apiPaths.source(id), { signal }),
    refetchInterval: (query) => (query.state.data && !rolloutSettled(query.state.data) ? 3_000 : 30_000),
  });
}
