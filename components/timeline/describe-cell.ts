import type { CommitState, TimelineCellDto } from "@/lib/schemas/timeline";
import type { Tone } from "@/components/ui/badge";

export const stateLabel: Record<CommitState, string> = {
  applied: "Applied",
  fetched: "Fetched",
  failed: "Failed",
  held: "Held",
  pending: "Pending",
  "not-tracked": "Not tracked",
};

export const stateTone: Record<CommitState, Tone> = {
  applied: "ok",
  fetched: "info",
  failed: "fail",
  held: "warn",
  pending: "neutral",
  "not-tracked": "neutral",
};

/** What the state means, in a sentence for the details panel. */
export const stateMeaning: Record<CommitState, string> = {
  applied: "A deployment containing this commit reached the cluster.",
  fetched: "The cluster's source has this commit; no reconciler has applied it yet.",
  failed: "The reconciler failed on a revision containing this commit.",
  held: "A suspension held this commit back from the cluster.",
  pending: "The cluster's source has not fetched this commit yet.",
  "not-tracked": "No reconciler on this cluster read the repository at that point.",
};

/** The time a cell shows under its state: when it happened there. */
export function cellTime(cell: TimelineCellDto): string | null {
  if (cell.state === "applied") return cell.appliedAt;
  if (cell.state === "failed") return cell.appliedAt ?? cell.fetchedAt;
  return cell.fetchedAt;
}
