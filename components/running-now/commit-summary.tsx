import { TimeAgo } from "@/components/ui/time-ago";
import type { CommitDto } from "@/lib/schemas/timeline";

/** A commit in one line: its short sha (linked to the Git host when known), subject, author and age. */
export function CommitSummary({ commit }: { commit: CommitDto }) {
  return (
    <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5 text-[13px]">
      {commit.webUrl ? (
        <a href={commit.webUrl} target="_blank" rel="noreferrer" className="font-mono text-xs text-accent hover:underline" aria-label={`Commit ${commit.shortSha} on the Git host`}>
          {commit.shortSha}
        </a>
      ) : (
        <span className="font-mono text-xs">{commit.shortSha}</span>
      )}
      <span className="min-w-0 [overflow-wrap:anywhere]">{commit.subject}</span>
      <span className="text-xs text-fg-muted">
        {commit.authorName}, <TimeAgo iso={commit.committedAt} />
      </span>
    </span>
  );
}
