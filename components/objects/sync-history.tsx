"use client";

import { Revision } from "@/components/fleet/revision";
import { Badge, StatusPill } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ClampedText } from "@/components/ui/clamped-text";
import { cn } from "@/components/ui/cn";
import { ErrorState } from "@/components/ui/error-state";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { formatAbsolute, TimeAgo } from "@/components/ui/time-ago";
import type { ObjectRef } from "@/lib/fleet/dto";
import { useObjectHistory } from "@/lib/queries/use-object-history";
import type { SyncRecordDto } from "@/lib/schemas/timeline";
import { phaseLabel, phaseTone } from "./sync-phase";

const rail: Record<SyncRecordDto["phase"], string> = { fetched: "bg-info-bar", progressing: "bg-neutral-bar", applied: "bg-ok-bar", failed: "bg-fail-bar" };

/** The object's recorded sync steps, newest first, as a vertical timeline; Flux's times in the browser's zone. */
export function SyncHistory({ clusterId, objectRef }: { clusterId: string; objectRef: ObjectRef }) {
  const history = useObjectHistory(clusterId, objectRef);
  const records = history.data?.pages.flatMap((page) => page.items) ?? [];
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Section title="Sync history" aside={<span className="text-xs text-fg-subtle">times in {zone}</span>}>
      {history.isPending ? (
        <div role="status" aria-label="Loading the sync history" className="flex flex-col gap-3 px-4 py-3">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-3/5" />
        </div>
      ) : history.isError ? (
        <div className="p-3">
          <ErrorState title="Could not load the sync history" error={history.error} onRetry={() => history.refetch()} retrying={history.isFetching} />
        </div>
      ) : records.length === 0 ? (
        <p className="px-4 py-3 text-[13px] text-fg-muted">No sync steps recorded yet. Each fetch, apply or failure Flux reports from now on appears here.</p>
      ) : (
        <>
          <ol aria-label="Sync steps, newest first" className="px-4 py-3">
            {records.map((record, index) => (
              <SyncStep key={record.id} record={record} last={index === records.length - 1 && !history.hasNextPage} />
            ))}
          </ol>
          {history.hasNextPage && (
            <div className="border-t border-line px-4 py-2">
              <Button size="sm" onClick={() => history.fetchNextPage()} busy={history.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function SyncStep({ record, last }: { record: SyncRecordDto; last: boolean }) {
  return (
    <li className="relative flex gap-3 pb-3 last:pb-0">
      <span aria-hidden="true" className="relative flex w-3 shrink-0 justify-center">
        <span className={cn("mt-1.5 size-2.5 rounded-full ring-2 ring-panel", rail[record.phase])} />
        {!last && <span className="absolute top-4 -bottom-1 w-px bg-line-strong" />}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <StatusPill tone={phaseTone[record.phase]}>{phaseLabel[record.phase]}</StatusPill>
          {record.revision && <Revision value={record.revision} />}
          {record.reconstructed && <Badge title="Filled in from the object's status after a restart or reconnect, not seen live">reconstructed</Badge>}
          <span className="ml-auto text-xs whitespace-nowrap text-fg-muted">
            <time dateTime={record.at}>{formatAbsolute(record.at)}</time> · <TimeAgo iso={record.at} />
          </span>
        </span>
        {record.message && <ClampedText text={record.message} className={cn("text-xs", record.phase === "failed" ? "text-fail" : "text-fg-muted")} />}
      </div>
    </li>
  );
}
