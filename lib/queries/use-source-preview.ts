import { useQuery } from "@tanstack/react-query";
import type { SourcePreviewDto } from "@/lib/schemas/sources";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

/**
 * What applying the stored definition would do on each cluster, and the planHash that confirms
 * exactly that. Computed once per opening (a dry run on every cluster), never in the background:
 * the plan the user reads must be the plan they confirm.
 */
export function useSourcePreview(id: string) {
  return useQuery<SourcePreviewDto, ApiError>({
    queryKey: keys.sources.preview(id),
    queryFn: ({ signal }) => apiFetch<SourcePreviewDto>(apiPaths.previewSource(id), { method: "POST", signal }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
