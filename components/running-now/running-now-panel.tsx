"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Badge } from "@/components/ui/badge";
import { useRunningNow } from "@/lib/queries/use-running-now";
import { RecentDeployments } from "./recent-deployments";
import { RunningReconcilers } from "./running-reconcilers";

export const deploymentsHref = (clusterId: string) => `/deployments?cluster=${encodeURIComponent(clusterId)}`;

/** On the cluster page: what each reconciler runs now, from which commit, and what was deployed lately. */
export function RunningNowPanel({ clusterId }: { clusterId: string }) {
  const running = useRunningNow(clusterId);
  const stale = running.data?.stale;
  return (
    <section aria-labelledby="running-now" className="shrink-0 overflow-hidden rounded-lg border border-line bg-panel">
      <header className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-1.5">
        <h2 id="running-now" className="text-[13px] font-semibold">
          Running now
        </h2>
        {stale && (
          <>
            <Badge tone="warn">stale</Badge>
            <span className="text-xs text-fg-muted">The cluster is unreachable: this is what it ran when last seen.</span>
          </>
        )}
        <Link href={deploymentsHref(clusterId)} className={buttonClass("secondary", "sm", "ml-auto")}>
          All deployments
        </Link>
      </header>
      {running.isPending ? (
        <div role="status" aria-label="Loading what runs now" className="flex flex-col gap-2 px-4 py-3">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : running.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load what runs on the cluster" error={running.error} onRetry={() => running.refetch()} retrying={running.isFetching} />
        </div>
      ) : (
        <div className="grid grid-cols-1 lg:grid-cols-2 lg:divide-x lg:divide-line">
          <div>
            <h3 className="px-4 pt-2.5 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">Applied revisions</h3>
            <RunningReconcilers clusterId={clusterId} reconcilers={running.data.reconcilers} />
          </div>
          <div className="border-t border-line lg:border-t-0">
            <h3 className="px-4 pt-2.5 text-[11px] font-medium tracking-wide text-fg-subtle uppercase">Recent deployments</h3>
            <RecentDeployments clusterId={clusterId} deployments={running.data.recentDeployments} />
          </div>
        </div>
      )}
    </section>
  );
}
