import { useInfiniteQuery } from "@tanstack/react-query";
import type { AuditEventDto, Page } from "@/lib/fleet/dto";
import { apiFetch, searchParams } from "./api-client";
import { apiPaths, keys, type AuditFilters } from "./keys";

export function auditCsvHref(filters: AuditFilters): string {
  return apiPaths.audit + searchParams({ ...filters, format: "csv" });
}

/** The audit trail, newest first, one cursor page at a time ("Load more"). */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: keys.audit.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<AuditEventDto>>(apiPaths.audit + searchParams({ ...filters, cursor: pageParam }), { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
