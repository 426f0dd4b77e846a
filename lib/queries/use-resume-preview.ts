import { useQuery } from "@tanstack/react-query";
import type { ResumePreview } from "@/lib/schemas/resume-preview";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

/** What resuming the cluster would do, asked afresh each time the confirmation opens. */
export function useResumePreview(clusterId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: keys.clusters.resumePreview(clusterId),
    queryFn: ({ signal }) => apiFetch<ResumePreview>(apiPaths.resumePreview(clusterId), { signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
