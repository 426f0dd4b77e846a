import type { ObjectOutcome } from "./actions";
import { recordAuditEvent, type AuditEventInput } from "./record-audit-event";

export interface Intent {
  readonly id: string;
  /** Records what happened, as a record of its own that names this intent. */
  complete(input: Omit<AuditEventInput, "intentId">): Promise<void>;
}

/**
 * Writes what a change to a cluster is about to do, before any object is touched: outcome
 * "pending", one result per object it will patch, each with the annotations that show the patch
 * landed. If the process dies before complete(), the leader reads those annotations back from the
 * cluster and completes the intent as "interrupted" (lib/recovery), so nothing ever changes on a
 * cluster without a record of it. The trail stays append-only: a completion never edits its intent.
 */
export async function recordIntent(input: Omit<AuditEventInput, "outcome" | "results" | "intentId">, planned: ObjectOutcome[]): Promise<Intent> {
  const { id } = await recordAuditEvent({ ...input, outcome: "pending", results: planned });
  return {
    id,
    async complete(completion) {
      await recordAuditEvent({ ...completion, intentId: id });
    },
  };
}
