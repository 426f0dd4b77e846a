import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SourceDto } from "@/lib/schemas/sources";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateSources } from "./invalidate-sources";
import { apiPaths } from "./keys";

/** Removes the source's objects from every cluster; a cluster that is down is cleaned when it returns. */
export function useDeleteSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation<SourceDto, ApiError, void>({
    mutationFn: () => apiFetch<SourceDto>(apiPaths.source(id), { method: "DELETE" }),
    onSuccess: () => invalidateSources(queryClient),
  });
}
