import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreatedApiToken, NewApiTokenInput } from "@/lib/schemas/tokens";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

/** The answer holds the secret; it lives only in the mutation's state, never in the query cache. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiToken, ApiError, NewApiTokenInput>({
    mutationFn: (input) => apiFetch<CreatedApiToken>(apiPaths.tokens, { method: "POST", body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.tokens.all });
    },
  });
}
