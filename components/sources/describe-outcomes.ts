import type { SourceApplyResultDto } from "@/lib/schemas/sources";

type Outcome = SourceApplyResultDto["outcomes"][number]["outcome"];

const words: Record<Outcome, string> = { applied: "applied on", removed: "removed from", unchanged: "unchanged on", pending: "pending on", failed: "failed on", skipped: "skipped on" };
const ORDER: Outcome[] = ["applied", "removed", "pending", "failed", "skipped", "unchanged"];

/** "applied on 2 clusters, pending on 1": what an apply did, per outcome. */
export function describeOutcomes(outcomes: ReadonlyArray<{ outcome: Outcome }>): string {
  if (outcomes.length === 0) return "stored; no cluster is targeted yet";
  return ORDER.map((outcome) => ({ outcome, count: outcomes.filter((entry) => entry.outcome === outcome).length }))
    .filter(({ count }) => count > 0)
    .map(({ outcome, count }, index) => `${words[outcome]} ${count}${index === 0 ? ` cluster${count === 1 ? "" : "s"}` : ""}`)
    .join(", ");
}
