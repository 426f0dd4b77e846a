"use client";

import { useEffect, useId, useLayoutEffect, useMemo, useRef, type MouseEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { shortDateTime } from "@/components/ui/format";
import { TimeAgo } from "@/components/ui/time-ago";
import { useVirtualRows } from "@/components/ui/use-virtual-rows";
import type { SuspensionWindowDto, TimelineCellDto } from "@/lib/schemas/timeline";
import { CellDetails, RewriteDetails } from "./cell-details";
import { cellTime, stateLabel, stateTone } from "./describe-cell";
import { DetailsPanel } from "./details-panel";
import { formatLeadTime } from "./format-lead-time";
import type { LoadedTimeline } from "./merge-timeline-pages";
import { OlderCommitsRow, type OlderCommits } from "./older-commits-row";
import { changeLabel, shortRevision } from "./revision";
import { suspensionAt, timelineRows, type TimelineCommit, type TimelineRow } from "./timeline-rows";
import { useHoverDetails } from "./use-hover-details";

type Cluster = LoadedTimeline["clusters"][number];

/** How close (in rows) the rendered rows may come to the last loaded one before the next page is fetched. */
const LOAD_AHEAD_ROWS = 20;

const toneText = { ok: "text-ok", fail: "text-fail", warn: "text-warn", info: "text-info", neutral: "text-fg-muted", accent: "text-accent" } as const;
const toneDot = { ok: "bg-ok-bar", fail: "bg-fail-bar", warn: "bg-warn-bar", info: "bg-info-bar", neutral: "bg-neutral-bar", accent: "bg-accent" } as const;

// A suspension is a band down the cluster's column: a bar on its left edge over a faint wash.
const bandClass = "bg-warn-soft/60 shadow-[inset_3px_0_0_var(--warn-bar)]";

/**
 * The per-source timeline: commits run down the left, newest first, one column per cluster, each
 * cell saying where that commit stands there. Rows are windowed, so 500 commits cost what 30 do;
 * the header and the commit column stay put while the grid scrolls both ways. Older commits load a
 * page at a time as the rows in view near the end of those loaded.
 */
export function CommitLanes({ timeline, older }: { timeline: LoadedTimeline; older: OlderCommits }) {
  const rows = useMemo(() => timelineRows(timeline), [timeline]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const keys = useMemo(() => rows.map((row) => row.key), [rows]);
  const virtual = useVirtualRows({ keys, estimate: 60, scrollRef });
  const details = useHoverDetails();
  const detailsId = useId();
  const nearEnd = rows.length - virtual.end < LOAD_AHEAD_ROWS;
  const { auto, load } = older;

  useEffect(() => {
    if (nearEnd && auto) load();
  }, [nearEnd, auto, load]);

  useLayoutEffect(() => {
    bodyRef.current?.querySelectorAll<HTMLElement>("tr[data-key]").forEach((tr) => virtual.measure(tr.dataset.key!, tr.getBoundingClientRect().height));
  });

  const activeContent = useMemo(() => (details.active ? detailsFor(details.active.key, rows, timeline) : null), [details.active, rows, timeline]);

  return (
    <div className={cn("flex min-h-0 shrink flex-col overflow-hidden rounded-lg border border-line bg-panel", rows.length > 6 && "min-h-80")}>
      <div ref={scrollRef} className="min-h-0 flex-auto overflow-auto" data-testid="timeline-grid">
        <table aria-label={`Commits of ${timeline.repository.url} on each cluster`} aria-rowcount={older.more ? -1 : rows.length + 1} className="min-w-full border-separate border-spacing-0 text-[13px]">
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className={cn(headClass, "left-0 z-30 w-40 min-w-40 md:w-96 md:min-w-96")}>
                Commit
              </th>
              {timeline.clusters.map((cluster) => (
                <ClusterHeader key={cluster.id} cluster={cluster} suspended={timeline.suspensions.some((window) => window.clusterId === cluster.id && window.to === null)} />
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {virtual.padTop > 0 && <tr aria-hidden="true" style={{ height: virtual.padTop }} />}
            {rows.slice(virtual.start, virtual.end).map((row, i) => (
              <tr key={row.key} data-key={row.key} aria-rowindex={virtual.start + i + 2} className="group/row">
                {row.kind === "commit" ? (
                  <CommitRow commit={row.commit} clusters={timeline.clusters} suspensions={timeline.suspensions} details={details} detailsId={detailsId} />
                ) : (
                  <RewriteRow row={row} clusters={timeline.clusters} details={details} detailsId={detailsId} />
                )}
              </tr>
            ))}
            {virtual.padBottom > 0 && <tr aria-hidden="true" style={{ height: virtual.padBottom }} />}
          </tbody>
          {older.more && <OlderCommitsRow older={older} columns={timeline.clusters.length + 1} rowIndex={rows.length + 2} />}
        </table>
      </div>
      {details.active && activeContent && (
        <DetailsPanel id={detailsId} anchor={details.active.anchor}>
          {activeContent}
        </DetailsPanel>
      )}
    </div>
  );
}

const headClass = "sticky top-0 z-20 h-12 border-b border-line bg-panel px-3 text-left align-bottom text-[11px] font-medium text-fg-subtle";
const firstColumnClass = "sticky left-0 z-10 w-40 min-w-40 border-r border-b border-line bg-panel px-3 py-2 text-left align-top font-normal md:w-96 md:min-w-96";
const cellClass = "w-32 min-w-32 border-b border-line p-0 align-top";

function ClusterHeader({ cluster, suspended }: { cluster: Cluster; suspended: boolean }) {
  const labels = Object.entries(cluster.labels);
  return (
    <th scope="col" className={cn(headClass, "w-32 min-w-32 pb-1.5 whitespace-normal")}>
      <span className="block text-[12px] font-semibold break-all text-fg">{cluster.name}</span>
      <span className="block truncate font-mono text-[10px] normal-case">
        {suspended ? <span className="font-sans font-medium text-warn">paused now</span> : labels.length > 0 ? labels.map(([k, v]) => `${k}=${v}`).join(" ") : " "}
      </span>
    </th>
  );
}

type Details = ReturnType<typeof useHoverDetails>;

function CommitRow({ commit, clusters, suspensions, details, detailsId }: { commit: TimelineCommit; clusters: Cluster[]; suspensions: SuspensionWindowDto[]; details: Details; detailsId: string }) {
  const cells = new Map(commit.cells.map((cell) => [cell.clusterId, cell]));
  return (
    <>
      <th scope="row" className={firstColumnClass}>
        <CommitSummary commit={commit} />
      </th>
      {clusters.map((cluster) => {
        // A commit's page holds cells only for the clusters on that page; one that appears on another page did not track the repository here.
        const cell = cells.get(cluster.id);
        const suspension = suspensionAt(suspensions, cluster.id, commit.committedAt);
        const key = `${commit.sha}|${cluster.id}`;
        return (
          <td key={cluster.id} className={cn(cellClass, (suspension || cell?.state === "held") && bandClass)} data-state={cell?.state ?? "not-tracked"} data-cluster={cluster.name}>
            {cell && cell.state !== "not-tracked" ? (
              <CellButton cell={cell} describedBy={details.active?.key === key ? detailsId : undefined} label={`${commit.shortSha} on ${cluster.name}`} {...details.triggerProps(key)} />
            ) : (
              <span className="block px-2.5 py-2 text-fg-subtle">
                <span aria-hidden="true">—</span>
                <span className="sr-only">not tracked on {cluster.name}</span>
              </span>
            )}
          </td>
        );
      })}
    </>
  );
}

function CommitSummary({ commit }: { commit: TimelineCommit }) {
  const sha = commit.webUrl ? (
    <a href={commit.webUrl} target="_blank" rel="noreferrer" className="font-mono text-xs text-accent hover:underline" aria-label={`${commit.shortSha} on the Git host`}>
      {commit.shortSha}
    </a>
  ) : (
    <span className="font-mono text-xs text-fg-muted">{commit.shortSha}</span>
  );
  const pr = commit.pullRequest;
  return (
    <span className="flex flex-col gap-0.5">
      {/* On a phone the column is narrow: the sha goes above the subject rather than squeezing it. */}
      <span className="flex flex-col md:flex-row md:items-baseline md:gap-2">
        {sha}
        <span className="line-clamp-2 min-w-0 font-medium text-fg [overflow-wrap:anywhere]">{commit.subject}</span>
      </span>
      <span className="text-[11px] text-fg-muted [overflow-wrap:anywhere]">
        {commit.authorName}
        {pr && (
          <>
            {" · "}
            <a href={pr.url} target="_blank" rel="noreferrer" className="text-accent hover:underline">
              #{pr.number}
            </a>
            {pr.mergedBy && ` merged by ${pr.mergedBy}`}
          </>
        )}
        {" · "}
        <TimeAgo iso={commit.committedAt} />
      </span>
    </span>
  );
}

interface CellButtonProps {
  cell: TimelineCellDto;
  label: string;
  describedBy: string | undefined;
  onMouseEnter: (event: MouseEvent<HTMLElement>) => void;
  onMouseLeave: () => void;
  onFocus: (event: { currentTarget: HTMLElement }) => void;
  onBlur: () => void;
  onClick: (event: MouseEvent<HTMLElement>) => void;
}

function CellButton({ cell, label, describedBy, ...handlers }: CellButtonProps) {
  const tone = stateTone[cell.state];
  const time = cellTime(cell);
  const sub: ReactNode =
    cell.state === "held" ? (cell.heldBy?.actor ? `by ${cell.heldBy.actor}` : null) : time ? (
      <>
        {shortDateTime(time)}
        {cell.state === "applied" && cell.leadTimeSeconds !== null && ` · ${formatLeadTime(cell.leadTimeSeconds)}`}
      </>
    ) : null;
  return (
    <button
      type="button"
      aria-describedby={describedBy}
      className="flex h-full w-full flex-col items-start gap-0.5 px-2.5 py-2 text-left hover:bg-hover focus-visible:-outline-offset-2"
      {...handlers}
    >
      <span className={cn("flex items-center gap-1.5 text-xs font-medium", toneText[tone])}>
        <span aria-hidden="true" className={cn("size-1.5 rounded-full", toneDot[tone])} />
        {stateLabel[cell.state]}
        <span className="sr-only"> · {label}</span>
      </span>
      {sub && <span className="text-[11px] whitespace-nowrap text-fg-muted">{sub}</span>}
    </button>
  );
}

function RewriteRow({ row, clusters, details, detailsId }: { row: Extract<TimelineRow, { kind: "rewrite" }>; clusters: Cluster[]; details: Details; detailsId: string }) {
  const { deployment } = row;
  const key = `rewrite|${deployment.id}`;
  return (
    <>
      <th scope="row" className={cn(firstColumnClass, "bg-canvas")}>
        <span className="flex flex-col gap-0.5">
          <span className="font-medium text-warn">
            ↺ {changeLabel[deployment.change]} to <span className="font-mono text-xs">{shortRevision(deployment.revision)}</span>
          </span>
          <span className="text-[11px] text-fg-muted [overflow-wrap:anywhere]">
            {deployment.previousRevision && <>from {shortRevision(deployment.previousRevision)} · </>}
            {deployment.reconciler.kind} {deployment.reconciler.namespace}/{deployment.reconciler.name}
          </span>
        </span>
      </th>
      {clusters.map((cluster) => (
        <td key={cluster.id} className={cn(cellClass, "bg-canvas")}>
          {cluster.id === deployment.cluster.id && (
            <button
                type="button"
                aria-describedby={details.active?.key === key ? detailsId : undefined}
                className="flex h-full w-full flex-col items-start gap-0.5 px-2.5 py-2 text-left hover:bg-hover"
                {...details.triggerProps(key)}
              >
                <span className="text-xs font-medium text-warn">
                  {changeLabel[deployment.change]}
                  <span className="sr-only"> on {cluster.name}</span>
                </span>
                <span className="text-[11px] whitespace-nowrap text-fg-muted">{shortDateTime(deployment.appliedAt)}</span>
              </button>
          )}
        </td>
      ))}
    </>
  );
}

function detailsFor(key: string, rows: TimelineRow[], timeline: LoadedTimeline): ReactNode {
  if (key.startsWith("rewrite|")) {
    const id = key.slice("rewrite|".length);
    const deployment = timeline.rewrites.find((rewrite) => rewrite.id === id);
    return deployment ? <RewriteDetails deployment={deployment} /> : null;
  }
  const [sha, clusterId] = key.split("|") as [string, string];
  const row = rows.find((candidate): candidate is Extract<TimelineRow, { kind: "commit" }> => candidate.kind === "commit" && candidate.commit.sha === sha);
  const cell = row?.commit.cells.find((candidate) => candidate.clusterId === clusterId);
  const cluster = timeline.clusters.find((candidate) => candidate.id === clusterId);
  if (!row || !cell || !cluster) return null;
  return <CellDetails title={`${row.commit.shortSha} on ${cluster.name}`} cell={cell} suspension={suspensionAt(timeline.suspensions, clusterId, row.commit.committedAt)} />;
}

