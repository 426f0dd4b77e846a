import type { DriftSummary } from "@/lib/schemas/drift";

/**
 * A number to sort clusters by, largest first: drifted clusters by drifted objects, then hand
 * changes, then commits behind; then clusters whose drift is unknown; in-sync clusters last.
 */
export function driftRank(summary: DriftSummary | undefined): number {
  if (!summary) return -1;
  if (summary.state === "unknown" || summary.stale) return 1;
  if (summary.state === "in-sync") return 0;
  return 1e12 + summary.drifted * 1e6 + Math.min(summary.handChanges, 999) * 1e3 + Math.min(summary.behind ?? 0, 999);
}
