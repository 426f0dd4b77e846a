import type { DeploymentDto, SuspensionWindowDto, TimelineDto } from "@/lib/schemas/timeline";

export type TimelineCommit = TimelineDto["commits"][number];

/** One row of the grid: a commit, or a rollback / force-push that moved a cluster off the commit line. */
export type TimelineRow = { kind: "commit"; key: string; at: string; commit: TimelineCommit } | { kind: "rewrite"; key: string; at: string; deployment: DeploymentDto };

/**
 * Commits and rewrites in one list, newest first: a rollback sits where it happened in time,
 * between the commits around it, rather than posing as a new commit.
 */
export function timelineRows(timeline: Pick<TimelineDto, "commits" | "rewrites">): TimelineRow[] {
  const rows: TimelineRow[] = [
    ...timeline.commits.map((commit) => ({ kind: "commit" as const, key: `commit:${commit.sha}`, at: commit.committedAt, commit })),
    ...timeline.rewrites.map((deployment) => ({ kind: "rewrite" as const, key: `rewrite:${deployment.id}`, at: deployment.appliedAt, deployment })),
  ];
  // A stable sort keeps the API's own order among commits with the same timestamp.
  return rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The suspension of a cluster (or one of its reconcilers) in force at `at`, if any. */
export function suspensionAt(suspensions: readonly SuspensionWindowDto[], clusterId: string, at: string): SuspensionWindowDto | null {
  const time = Date.parse(at);
  return (
    suspensions.find((window) => window.clusterId === clusterId && Date.parse(window.from) <= time && (window.to === null || time <= Date.parse(window.to))) ?? null
  );
}
