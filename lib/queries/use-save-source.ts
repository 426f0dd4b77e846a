import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewSourceInput, SourceDto, UpdateSourceInput } from "@/lib/schemas/sources";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateSources } from "./invalidate-sources";
import { apiPaths } from "./keys";

/** Stores a new definition, or changes the one named by `id`; nothing reaches a cluster until it is previewed and applied. */
export function useSaveSource(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation<SourceDto, ApiError, NewSourceInput | UpdateSourceInput>({
    mutationFn: (input) =>
      id ? apiFetch<SourceDto>(apiPaths.source(id), { method: "PATCH", body: input }) : apiFetch<SourceDto>(apiPaths.sources, { method: "POST", body: input }),
    onSuccess: () => invalidateSources(queryClient),
  });
}
