import Link from "next/link";
import { objectHref } from "@/components/fleet/links";
import { Revision } from "@/components/fleet/revision";
import { timelineHref } from "@/components/timeline/links";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { RunningRevisionDto } from "@/lib/schemas/timeline";
import { CommitSummary } from "./commit-summary";

/** Each Kustomization and HelmRelease with the revision it applied, and that revision's commit. */
export function RunningReconcilers({ clusterId, reconcilers }: { clusterId: string; reconcilers: RunningRevisionDto[] }) {
  if (reconcilers.length === 0) return <p className="px-4 py-3 text-[13px] text-fg-muted">No Kustomization or HelmRelease on this cluster.</p>;
  return (
    <ul aria-label="Applied revisions" className="divide-y divide-line">
      {reconcilers.map((running) => (
        <li key={`${running.reconciler.kind}/${running.reconciler.namespace}/${running.reconciler.name}`} className="flex flex-col gap-1 px-4 py-2.5">
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="text-[11px] text-fg-muted">{running.reconciler.kind}</span>
            <Link href={objectHref(clusterId, running.reconciler)} className="text-[13px] font-medium hover:underline">
              <span className="font-normal text-fg-subtle">{running.reconciler.namespace}/</span>
              {running.reconciler.name}
            </Link>
            {running.suspended && <Badge tone="warn">suspended</Badge>}
            <span className="ml-auto text-xs whitespace-nowrap text-fg-muted">
              {running.appliedAt ? <TimeAgo iso={running.appliedAt} prefix="applied" /> : "not applied yet"}
            </span>
          </span>
          <span className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
            <Revision value={running.revision} />
            {running.repositoryId && (
              <Link href={timelineHref(running.repositoryId)} className="text-xs text-accent hover:underline">
                Timeline
              </Link>
            )}
          </span>
          <CommitLine running={running} />
        </li>
      ))}
    </ul>
  );
}

function CommitLine({ running }: { running: RunningRevisionDto }) {
  if (running.commit) return <CommitSummary commit={running.commit} />;
  if (running.commitDetails.state === "unavailable") {
    return (
      <span className="text-xs text-warn">
        Commit details unavailable{running.commitDetails.message && <span className="text-fg-muted">: {running.commitDetails.message}</span>}
      </span>
    );
  }
  return null;
}
