import type { Commit } from "../db/generated/client";
import type { CommitDto } from "../schemas/timeline";

/** A stored commit as the API serves it; the subject is the message's first line. */
export function toCommitDto(row: Commit): CommitDto {
  return {
    sha: row.sha,
    shortSha: row.sha.slice(0, 7),
    authorName: row.authorName,
    authorEmail: row.authorEmail,
    authorLogin: row.authorLogin,
    authoredAt: row.authoredAt.toISOString(),
    committerName: row.committerName,
    committedAt: row.committedAt.toISOString(),
    subject: row.message.split("\n")[0] ?? "",
    message: row.message,
    webUrl: row.webUrl,
    pullRequest:
      row.pullRequestNumber !== null && row.pullRequestUrl !== null
        ? { number: row.pullRequestNumber, title: row.pullRequestTitle ?? "", url: row.pullRequestUrl, mergedBy: row.mergedBy }
        : null,
  };
}
