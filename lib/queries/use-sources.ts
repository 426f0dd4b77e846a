import { useQuery } from "@tanstack/react-query";
import type { SourceDto } from "@/lib/schemas/sources";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";
import { rolloutSettled } from "./rollout-settled";

/** Every source with its rollout; re-read every few seconds while some cluster's rollout is still moving. */
export function useSources() {
  return useQuery({
    queryKey: keys.sources.list(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: SourceDto[] }>(apiPaths.sources, { signal })).items,
    refetchInterval: (query) => (query.state.data?.every((source) => rolloutSettled(source)) === false ? 3_000 : 30_000),
  });
}
