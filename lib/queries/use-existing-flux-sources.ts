import { useQuery } from "@tanstack/react-query";
import type { ExistingFluxSourceGroupDto } from "@/lib/schemas/sources";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useExistingFluxSources() {
  return useQuery({
    queryKey: keys.sources.existing(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: ExistingFluxSourceGroupDto[] }>(apiPaths.existingSources, { signal })).items,
  });
}
