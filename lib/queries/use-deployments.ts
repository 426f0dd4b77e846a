import { useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "@/lib/fleet/dto";
import type { DeploymentDto } from "@/lib/schemas/timeline";
import { apiFetch, searchParams } from "./api-client";
import { apiPaths, keys, type DeploymentFilters } from "./keys";

/** The CSV export of exactly what the list shows, every page of it. */
export function deploymentsCsvHref(filters: DeploymentFilters): string {
  return apiPaths.deployments + searchParams({ ...filters, format: "csv" });
}

/** Deployments, newest first, one cursor page at a time. */
export function useDeployments(filters: DeploymentFilters) {
  return useInfiniteQuery({
    queryKey: keys.deployments.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiFetch<Page<DeploymentDto>>(apiPaths.deployments + searchParams({ ...filters, cursor: pageParam }), { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
