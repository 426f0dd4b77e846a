"use client";

import { useMemo } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { AuditIcon, DownloadIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useSearchParamState } from "@/components/ui/use-search-param-state";
import type { AuditFilters as Filters } from "@/lib/queries/keys";
import { auditCsvHref, useAudit } from "@/lib/queries/use-audit";
import { AuditFilters, isRangeKey } from "./audit-filters";
import { AuditTable } from "./audit-table";

const FILTER_KEYS = ["cluster", "actor", "action", "from", "to"] as const;

export function AuditView() {
  const [params, setParams] = useSearchParamState();
  const filters = useMemo(() => {
    const result: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);
  const range = params.get("range");
  const audit = useAudit(filters);
  const events = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <PageBody>
      <PageHeader
        title="Audit"
        description="Every change made through Syncline, and every suspension it expired: who, what, why, and what happened"
        actions={
          <a href={auditCsvHref(filters)} download className={buttonClass("secondary", "md")}>
            <DownloadIcon />
            Download CSV
          </a>
        }
      />
      <AuditFilters filters={filters} range={isRangeKey(range) ? range : ""} onChange={setParams} />
      {audit.isPending ? (
        <TableSkeleton label="Loading the audit trail" columns={7} />
      ) : audit.isError ? (
        <ErrorState title="Could not load the audit trail" error={audit.error} onRetry={() => audit.refetch()} retrying={audit.isFetching} />
      ) : events.length === 0 ? (
        <EmptyState icon={<AuditIcon />} title={filtered ? "No records match these filters" : "Nothing has been recorded yet"}>
          {filtered
            ? "Widen the time range or clear a filter."
            : "Adding a cluster, pausing or resuming auto-sync and reconciling are all recorded here, with who did it and why."}
        </EmptyState>
      ) : (
        <AuditTable
          events={events}
          footer={
            audit.hasNextPage && (
              <div className="flex justify-center border-t border-line p-3">
                <Button onClick={() => audit.fetchNextPage()} busy={audit.isFetchingNextPage}>
                  Load more
                </Button>
              </div>
            )
          }
        />
      )}
    </PageBody>
  );
}
