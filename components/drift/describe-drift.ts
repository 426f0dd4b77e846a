import { stringify } from "yaml";
import type { DriftSummary, ObjectDriftChange, RevisionDrift } from "@/lib/schemas/drift";
import { shortRevision } from "@/components/fleet/revision";

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** "3 of 212 drifted", "in sync" only when the server claims it, else "unknown". */
export function describeDriftCount(summary: Pick<DriftSummary, "state" | "drifted" | "total">): string {
  if (summary.state === "unknown") return "unknown";
  if (summary.state === "in-sync") return "in sync";
  return `${summary.drifted.toLocaleString("en")} of ${summary.total.toLocaleString("en")} drifted`;
}

/** "2 commits behind"; nothing when in step, "commits behind unknown" when Git could not be read. */
export function describeBehind(behind: number | null): string | null {
  if (behind === null) return "commits behind unknown";
  return behind > 0 ? `${plural(behind, "commit")} behind` : null;
}

export function describeHandChanges(count: number): string | null {
  return count > 0 ? plural(count, "hand change") : null;
}

/** Which step of Git head → fetched → applied lags, in the words the issue uses. */
export function describeLag(revision: Pick<RevisionDrift, "lag" | "applied" | "gitHeadError">): string {
  switch (revision.lag) {
    case "in-sync":
      return "in step with Git";
    case "source-not-fetched":
      return "source not fetched yet";
    case "fetched-not-applied":
      return "fetched, not applied";
    case "paused":
      return revision.applied ? `paused at ${shortRevision(revision.applied)}` : "paused before its first apply";
    case "failing":
      return "reconciliation failing";
    case "unknown":
      return "Git head unknown";
  }
}

export const changeLabel: Record<ObjectDriftChange, string> = {
  modified: "modified",
  missing: "deleted from the cluster",
  unmanaged: "no longer in Git",
};

/** A desired or live value as the user reads it: scalars as they are, objects and lists as YAML. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return String(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** "Resuming will revert 3 hand changes on 2 objects and apply 2 new commits". */
export function describeResume(handChanges: number, objects: number, commits: number | null): string {
  const parts: string[] = [];
  if (handChanges > 0) parts.push(`revert ${plural(handChanges, "hand change")} on ${plural(objects, "object")}`);
  if (commits === null) parts.push("apply what Git has now (how many commits is unknown)");
  else if (commits > 0) parts.push(`apply ${plural(commits, "new commit")}`);
  return parts.length ? `Resuming will ${parts.join(" and ")}.` : "Resuming reverts no hand changes and applies no new commits.";
}
