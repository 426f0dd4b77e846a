import { useQuery } from "@tanstack/react-query";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

/** The signed-in user's own API tokens, newest first, revoked and expired ones included. */
export function useApiTokens() {
  return useQuery({
    queryKey: keys.tokens.list(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: ApiTokenSummary[] }>(apiPaths.tokens, { signal })).items,
  });
}
