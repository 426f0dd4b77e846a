"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useDriftHistory } from "@/lib/queries/use-drift-history";
import { DriftHistoryTable } from "./drift-history-table";

interface ClusterDriftHistoryProps {
  clusterId: string;
  clusterName: string;
  /** The report's age: a new report may have opened or closed episodes, so the history is read again. */
  computedAt: string | null;
}

/** Every drift the cluster had, kept after it is back in sync. */
export function ClusterDriftHistory({ clusterId, clusterName, computedAt }: ClusterDriftHistoryProps) {
  const history = useDriftHistory({ cluster: clusterId });
  const { refetch } = history;
  useEffect(() => {
    if (computedAt) void refetch();
  }, [computedAt, refetch]);
  return (
    <section aria-labelledby="drift-history" className="flex flex-col gap-2">
      <h2 id="drift-history" className="text-[13px] font-semibold">
        Drift history
      </h2>
      {history.isPending ? (
        <TableSkeleton label="Loading drift history" columns={5} rows={3} />
      ) : history.isError ? (
        <ErrorState title="Could not load the drift history" error={history.error} onRetry={() => history.refetch()} retrying={history.isFetching} />
      ) : (
        <DriftHistoryTable
          episodes={history.data.pages.flatMap((page) => page.items)}
          label={`Drift history of ${clusterName}`}
          showObject
          footer={
            history.hasNextPage && (
              <div className="flex justify-center p-2">
                <Button size="sm" onClick={() => history.fetchNextPage()} busy={history.isFetchingNextPage}>
                  Load more
                </Button>
              </div>
            )
          }
        />
      )}
    </section>
  );
}
