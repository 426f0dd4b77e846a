import type { AuditOutcome, ObjectOutcome } from "@/lib/audit/actions";

export interface OutcomeSummary {
  tone: "ok" | "warn" | "fail";
  /** e.g. "Paused 11 of 12 — 1 failed: forbidden". */
  text: string;
  failed: ObjectOutcome[];
}

/** One line a person can act on, from the per-object results an action returns. */
export function describeOutcome(verb: string, outcome: AuditOutcome, results: ObjectOutcome[]): OutcomeSummary {
  const failed = results.filter((result) => result.outcome === "failed");
  const skipped = results.filter((result) => result.outcome === "skipped").length;
  const done = results.length - failed.length - skipped;
  const tone = outcome === "success" ? "ok" : outcome === "failure" ? "fail" : "warn";
  if (results.length === 0) return { tone, text: `${verb}: no Flux objects to act on`, failed };

  let text = `${verb} ${done} of ${results.length}`;
  if (failed.length) {
    const reasons = [...new Set(failed.map((result) => result.message ?? "no reason given"))];
    text += ` — ${failed.length} failed: ${reasons.slice(0, 2).join("; ")}${reasons.length > 2 ? "; …" : ""}`;
  }
  if (skipped) text += `${failed.length ? "," : " —"} ${skipped} skipped`;
  return { tone, text, failed };
}
