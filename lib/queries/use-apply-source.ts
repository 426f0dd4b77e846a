import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApplySourceInput, SourceApplyResultDto } from "@/lib/schemas/sources";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateSources } from "./invalidate-sources";
import { apiPaths, keys } from "./keys";

/** Applies a confirmed preview (its planHash), optionally only on some clusters, e.g. to retry those that failed. */
export function useApplySource(id: string) {
  const queryClient = useQueryClient();
  return useMutation<SourceApplyResultDto, ApiError, ApplySourceInput>({
    mutationFn: (input) => apiFetch<SourceApplyResultDto>(apiPaths.applySource(id), { method: "POST", body: input }),
    onSuccess: (result) => {
      queryClient.setQueryData(keys.sources.detail(id), result.source);
      return invalidateSources(queryClient);
    },
  });
}
