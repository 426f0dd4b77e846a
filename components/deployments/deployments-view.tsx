"use client";

import { useMemo } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { DownloadIcon, TimelineIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useSearchParamState } from "@/components/ui/use-search-param-state";
import type { DeploymentFilters as Filters } from "@/lib/queries/keys";
import { deploymentsCsvHref, useDeployments } from "@/lib/queries/use-deployments";
import { DeploymentFilters } from "./deployment-filters";
import { DeploymentsTable } from "./deployments-table";
import { LeadTimeChart } from "./lead-time-chart";

const FILTER_KEYS = ["cluster", "labels", "source", "author", "from", "to"] as const;

/** Who deployed what and when: every revision applied on every cluster, newest first. */
export function DeploymentsView() {
  const [params, setParams] = useSearchParamState();
  const filters = useMemo(() => {
    const result: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);
  const deployments = useDeployments(filters);
  const items = useMemo(() => deployments.data?.pages.flatMap((page) => page.items) ?? [], [deployments.data]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <PageBody>
      <PageHeader
        title="Deployments"
        description="Who deployed what and when: each revision applied on each cluster, with its commits, their authors and lead times"
        actions={
          <a href={deploymentsCsvHref(filters)} download className={buttonClass("secondary", "md")}>
            <DownloadIcon />
            Export CSV
          </a>
        }
      />
      <DeploymentFilters filters={filters} range={params.get("range")} onChange={setParams} />
      {deployments.isPending ? (
        <TableSkeleton label="Loading deployments" columns={5} />
      ) : deployments.isError ? (
        <ErrorState title="Could not load the deployments" error={deployments.error} onRetry={() => deployments.refetch()} retrying={deployments.isFetching} />
      ) : items.length === 0 ? (
        <EmptyState icon={<TimelineIcon />} title={filtered ? "No deployments match these filters" : "Nothing has been deployed yet"}>
          {filtered
            ? "Widen the time range or clear a filter."
            : "Each revision Flux applies on a cluster is listed here, with the commits it carried, who wrote and merged them, and who resumed or reconciled to bring it about."}
        </EmptyState>
      ) : (
        <>
          {/* The page's column shrinks what it can to fit the table; the chart keeps its height. */}
          <div className="shrink-0">
            <LeadTimeChart deployments={items} />
          </div>
          <DeploymentsTable
            deployments={items}
            footer={
              deployments.hasNextPage && (
                <div className="flex justify-center border-t border-line p-3">
                  <Button onClick={() => deployments.fetchNextPage()} busy={deployments.isFetchingNextPage}>
                    Load more
                  </Button>
                </div>
              )
            }
          />
        </>
      )}
    </PageBody>
  );
}
