import { useQuery } from "@tanstack/react-query";
import type { SourceRepositoryDto } from "@/lib/schemas/timeline";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

/** The Git repositories the fleet's sources pull, each once however many clusters share it. */
export function useRepositories() {
  return useQuery({
    queryKey: keys.timeline.repositories(),
    queryFn: ({ signal }) => apiFetch<SourceRepositoryDto[]>(apiPaths.repositories, { signal }),
  });
}
