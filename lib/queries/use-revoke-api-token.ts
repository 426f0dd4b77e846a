import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation<ApiTokenSummary, ApiError, string>({
    mutationFn: (id) => apiFetch<ApiTokenSummary>(apiPaths.token(id), { method: "DELETE" }),
    onSuccess: (revoked) => {
      queryClient.setQueryData<ApiTokenSummary[]>(keys.tokens.list(), (list) => list?.map((token) => (token.id === revoked.id ? revoked : token)));
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.tokens.all });
    },
  });
}
