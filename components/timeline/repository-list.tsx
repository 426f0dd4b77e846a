"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { TimelineIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { TimeAgo } from "@/components/ui/time-ago";
import { buttonClass } from "@/components/ui/button";
import type { SourceRepositoryDto } from "@/lib/schemas/timeline";
import { useRepositories } from "@/lib/queries/use-repositories";
import { timelineHref } from "./links";

/** The repositories clusters deploy from, each opening its commit-to-cluster timeline. */
export function RepositoryList() {
  const repositories = useRepositories();
  return (
    <PageBody>
      <PageHeader title="Timeline" description="Which commit reached which cluster, and when: choose a repository" />
      {repositories.isPending ? (
        <TableSkeleton label="Loading repositories" columns={4} rows={4} />
      ) : repositories.isError ? (
        <ErrorState title="Could not load the repositories" error={repositories.error} onRetry={() => repositories.refetch()} retrying={repositories.isFetching} />
      ) : repositories.data.length === 0 ? (
        <EmptyState
          icon={<TimelineIcon />}
          title="No Git repositories yet"
          actions={
            <Link href="/clusters" className={buttonClass("secondary")}>
              Go to Clusters
            </Link>
          }
        >
          Every Git repository a cluster&apos;s Flux sources pull will appear here once the clusters are added, with each commit lined up against the
          clusters it reached.
        </EmptyState>
      ) : (
        <ul aria-label="Source repositories" className="flex flex-col divide-y divide-line overflow-hidden rounded-lg border border-line bg-panel">
          {repositories.data.map((repository) => (
            <RepositoryItem key={repository.id} repository={repository} />
          ))}
        </ul>
      )}
    </PageBody>
  );
}

function RepositoryItem({ repository }: { repository: SourceRepositoryDto }) {
  const clusterNames = repository.clusters.map((cluster) => cluster.name);
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-6 gap-y-1.5 px-4 py-3 hover:bg-hover">
      <div className="min-w-0">
        <Link href={timelineHref(repository.id)} className="font-mono text-[13px] font-medium break-all text-accent hover:underline">
          {repository.url}
        </Link>
        <p className="mt-0.5 text-xs text-fg-muted">
          {clusterNames.length === 0 ? "No cluster pulls it now" : `Pulled by ${clusterNames.length === 1 ? "1 cluster" : `${clusterNames.length} clusters`}: ${clusterNames.join(", ")}`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
        {repository.host === "github" && <Badge>GitHub</Badge>}
        {repository.commitDetails.state === "unavailable" && <Badge tone="warn">commit details unavailable</Badge>}
        <span>
          last deployed <TimeAgo iso={repository.lastDeployedAt} fallback="never" />
        </span>
      </div>
    </li>
  );
}
