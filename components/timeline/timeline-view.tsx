"use client";

import { useMemo } from "react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { TimelineIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { formatAbsolute } from "@/components/ui/time-ago";
import { useSearchParamState } from "@/components/ui/use-search-param-state";
import { WarningNotice } from "@/components/ui/warning-notice";
import type { TimelineFilters } from "@/lib/queries/keys";
import { useTimeline } from "@/lib/queries/use-timeline";
import { CommitLanes } from "./commit-lanes";
import { LabelFilter } from "./label-filter";
import { mergeTimelinePages, type LoadedTimeline } from "./merge-timeline-pages";
import type { OlderCommits } from "./older-commits-row";
import { SuspensionList } from "./suspension-list";
import { isRangeKey, TimeRangeFilter } from "./time-range-filter";

const FILTER_KEYS = ["cluster", "labels", "from", "to"] as const;

export function TimelineView({ repositoryId }: { repositoryId: string }) {
  const [params, setParams] = useSearchParamState();
  const filters = useMemo(() => {
    const result: TimelineFilters = {};
    for (const key of FILTER_KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);
  const range = params.get("range");
  const timeline = useTimeline(repositoryId, filters);
  const data = useMemo(() => mergeTimelinePages(timeline.data?.pages ?? []), [timeline.data]);
  const older: OlderCommits = {
    more: timeline.hasNextPage,
    loading: timeline.isFetchingNextPage,
    failure: timeline.isFetchNextPageError ? timeline.error : null,
    // A page fetched during a refresh would cancel it; after a failure, the notice under the grid retries.
    auto: timeline.hasNextPage && !timeline.isFetching && !timeline.isFetchNextPageError,
    load: timeline.fetchNextPage,
  };

  return (
    <PageBody>
      <PageHeader
        eyebrow={<Breadcrumb crumbs={[{ label: "Timeline", href: "/timeline" }, { label: "Repository" }]} />}
        title={<span className="font-mono">{data?.repository.url ?? "Repository"}</span>}
        description={data ? <RangeDescription timeline={data} /> : "Which commit reached which cluster, and when"}
      />
      <div role="search" aria-label="Filter the timeline" className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <TimeRangeFilter range={isRangeKey(range) ? range : ""} from={filters.from} to={filters.to} onChange={setParams} />
        </div>
        <LabelFilter value={filters.labels} onChange={(labels) => setParams({ labels })} />
      </div>
      {timeline.isPending ? (
        <TableSkeleton label="Loading the timeline" columns={6} />
      ) : !data ? (
        <ErrorState title="Could not load the timeline" error={timeline.error} onRetry={() => timeline.refetch()} retrying={timeline.isFetching} />
      ) : (
        <>
          {/* A failed refresh leaves the commits already loaded (and where the user scrolled to) on screen. */}
          {timeline.isRefetchError && <ErrorState title="Could not refresh the timeline" error={timeline.error} onRetry={() => timeline.refetch()} retrying={timeline.isFetching} />}
          <TimelineBody timeline={data} older={older} filtered={Object.keys(filters).length > 0} />
        </>
      )}
    </PageBody>
  );
}

function RangeDescription({ timeline }: { timeline: LoadedTimeline }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      {formatAbsolute(timeline.from)} to {formatAbsolute(timeline.to)} · times in {zone}
    </>
  );
}

function TimelineBody({ timeline, older, filtered }: { timeline: LoadedTimeline; older: OlderCommits; filtered: boolean }) {
  const { commitDetails } = timeline.repository;
  const rowCount = timeline.commits.length + timeline.rewrites.length;
  return (
    <>
      {commitDetails.state === "unavailable" && (
        <WarningNotice title="Commit details unavailable" detail={`${(commitDetails.message ?? "The Git host could not be read").replace(/\.$/, "")}. Syncline retries later; the times below are still current.`} />
      )}
      {rowCount === 0 || timeline.clusters.length === 0 ? (
        <EmptyState icon={<TimelineIcon />} title={timeline.clusters.length === 0 ? "No cluster matches these filters" : "No commits in this range"}>
          {filtered ? "Widen the time range or choose fewer labels." : "Commits pushed to this repository appear here as the clusters fetch and apply them."}
        </EmptyState>
      ) : (
        <CommitLanes timeline={timeline} older={older} />
      )}
      {older.failure && <ErrorState title="Could not load older commits" error={older.failure} onRetry={() => older.load()} retrying={older.loading} />}
      {timeline.suspensions.length > 0 && <SuspensionList timeline={timeline} />}
    </>
  );
}
