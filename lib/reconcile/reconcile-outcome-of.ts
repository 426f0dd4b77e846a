import type { AuditOutcome, ObjectOutcome } from "../audit/actions";
import { auditOutcomeOf } from "../autosync/audit-outcome-of";

/**
 * "skipped" when no object could be asked to reconcile (each one suspended): nothing ran, so
 * neither the answer nor the audit trail may call it a success. Otherwise as for any action.
 */
export function reconcileOutcomeOf(results: ObjectOutcome[]): AuditOutcome {
  if (results.length > 0 && results.every((result) => result.outcome === "skipped")) return "skipped";
  return auditOutcomeOf(results);
}
