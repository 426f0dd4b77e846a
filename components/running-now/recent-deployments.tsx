import Link from "next/link";
import { objectHref } from "@/components/fleet/links";
import { Revision } from "@/components/fleet/revision";
import { formatLeadTime } from "@/components/timeline/format-lead-time";
import { timelineHref } from "@/components/timeline/links";
import { changeLabel } from "@/components/timeline/revision";
import { Badge, type Tone } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DeploymentChange, DeploymentDto } from "@/lib/schemas/timeline";
import { CommitSummary } from "./commit-summary";

/** Forward is the normal case and says nothing; the rest are worth a second look. */
const changeTone: Partial<Record<DeploymentChange, Tone>> = { initial: "info", rollback: "warn", "force-push": "warn", redeploy: "neutral" };
const SHOWN_COMMITS = 3;

/** The last revisions applied on the cluster, newest first, each with the commits it brought. */
export function RecentDeployments({ clusterId, deployments }: { clusterId: string; deployments: DeploymentDto[] }) {
  if (deployments.length === 0) return <p className="px-4 py-3 text-[13px] text-fg-muted">Nothing applied since Syncline started recording.</p>;
  return (
    <ol aria-label="Recent deployments" className="divide-y divide-line">
      {deployments.map((deployment) => (
        <li key={deployment.id} className="flex flex-col gap-1 px-4 py-2.5">
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="text-xs whitespace-nowrap text-fg-muted">
              <TimeAgo iso={deployment.appliedAt} />
            </span>
            <Link href={objectHref(clusterId, deployment.reconciler)} className="text-[13px] font-medium hover:underline">
              {deployment.reconciler.name}
            </Link>
            <Revision value={deployment.revision} />
            {changeTone[deployment.change] && <Badge tone={changeTone[deployment.change]}>{changeLabel[deployment.change]}</Badge>}
            {deployment.reconstructed && <Badge title="Filled in from Flux's status after a restart, not seen live">reconstructed</Badge>}
            {deployment.repositoryId && (
              <Link href={timelineHref(deployment.repositoryId)} className="ml-auto text-xs text-accent hover:underline">
                Timeline
              </Link>
            )}
          </span>
          {deployment.commits.slice(0, SHOWN_COMMITS).map((commit) => (
            <span key={commit.sha} className="flex flex-wrap items-baseline gap-x-2">
              <CommitSummary commit={commit} />
              <span className="text-[11px] text-fg-subtle">lead time {formatLeadTime(commit.leadTimeSeconds)}</span>
            </span>
          ))}
          {deployment.commits.length > SHOWN_COMMITS && <span className="text-xs text-fg-muted">and {deployment.commits.length - SHOWN_COMMITS} more commits</span>}
          {deployment.commitDetails.state === "unavailable" && (
            <span className="text-xs text-warn">
              Commit details unavailable{deployment.commitDetails.message && <span className="text-fg-muted">: {deployment.commitDetails.message}</span>}
            </span>
          )}
          {deployment.trigger && (
            <span className="text-xs text-fg-muted">
              Brought about by {deployment.trigger.user}&apos;s {deployment.trigger.action}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
