import { formatLeadTime } from "@/components/timeline/format-lead-time";
import { shortRevision } from "@/components/timeline/revision";
import { formatAbsolute } from "@/components/ui/time-ago";
import type { DeploymentDto } from "@/lib/schemas/timeline";

/** Every commit a deployment carried, with who wrote and merged it and how long it took to arrive. */
export function DeploymentDetails({ deployment }: { deployment: DeploymentDto }) {
  return (
    <div className="flex flex-col gap-2 text-[13px] whitespace-normal">
      <p className="text-xs text-fg-muted">
        {deployment.previousRevision ? `${shortRevision(deployment.previousRevision)} → ${shortRevision(deployment.revision)}` : shortRevision(deployment.revision)}
        {deployment.reconstructed && " · reconstructed from the object's status after a restart"}
      </p>
      {deployment.commitDetails.state !== "available" && (
        <p className="text-xs text-warn">
          {deployment.commitDetails.state === "not-git" ? "The source is not a Git repository: there are no commits to list." : `Commit details unavailable: ${deployment.commitDetails.message ?? "the Git host could not be read"}`}
        </p>
      )}
      {deployment.commits.length > 0 && (
        <ul className="flex flex-col gap-1.5">
          {deployment.commits.map((commit) => (
            <li key={commit.sha} className="flex flex-wrap items-baseline gap-x-2">
              {commit.webUrl ? (
                <a href={commit.webUrl} target="_blank" rel="noreferrer" className="font-mono text-xs text-accent hover:underline">
                  {commit.shortSha}
                </a>
              ) : (
                <span className="font-mono text-xs">{commit.shortSha}</span>
              )}
              <span className="font-medium [overflow-wrap:anywhere]">{commit.subject}</span>
              <span className="text-xs text-fg-muted">
                {commit.authorName}
                {commit.pullRequest && (
                  <>
                    {" · "}
                    <a href={commit.pullRequest.url} target="_blank" rel="noreferrer" className="text-accent hover:underline">
                      #{commit.pullRequest.number}
                    </a>
                    {commit.pullRequest.mergedBy && ` merged by ${commit.pullRequest.mergedBy}`}
                  </>
                )}
                {` · committed ${formatAbsolute(commit.committedAt)} · lead time ${formatLeadTime(commit.leadTimeSeconds)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
