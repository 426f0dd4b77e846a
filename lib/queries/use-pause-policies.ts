import { useQuery } from "@tanstack/react-query";
import type { PausePolicyDto } from "@/lib/schemas/pause-policies";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function usePausePolicies() {
  return useQuery({
    queryKey: keys.pausePolicies.list(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: PausePolicyDto[] }>(apiPaths.pausePolicies, { signal })).items,
  });
}
