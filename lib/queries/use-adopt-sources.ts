import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdoptSourcesInput, SourceApplyResultDto } from "@/lib/schemas/sources";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateSources } from "./invalidate-sources";
import { apiPaths } from "./keys";

/** Turns one group of existing Flux sources into a Syncline source, keeping the objects where they are. */
export function useAdoptSources() {
  const queryClient = useQueryClient();
  return useMutation<SourceApplyResultDto, ApiError, AdoptSourcesInput>({
    mutationFn: (input) => apiFetch<SourceApplyResultDto>(apiPaths.adoptSources, { method: "POST", body: input }),
    onSuccess: () => invalidateSources(queryClient),
  });
}
