import type { AuditOutcome, ObjectOutcome } from "../audit/actions";

/** Failure when every object failed, partial when some did, success otherwise (also for none). */
export function auditOutcomeOf(results: ObjectOutcome[]): AuditOutcome {
  const failed = results.filter((r) => r.outcome === "failed").length;
  if (failed === 0) return "success";
  return failed === results.length ? "failure" : "partial";
}
