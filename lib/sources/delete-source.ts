import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import type { SourceDto } from "../schemas/sources";
import { getSource } from "./get-source";
import { removeEverywhere } from "./remove-everywhere";
import { overallOutcome, sourceAuditTarget, sourceAuditView } from "./source-audit";
import { credentialIdOf, definitionOf, getSourceRowOrThrow } from "./source-row";

/**
 * Removes the source's objects from every cluster that has them (with prune on, Flux then deletes
 * the workloads), then the source. A cluster that cannot be reached keeps the source in a
 * "deleting" state, shown and retried by the leader until every cluster is clean: no orphan is left
 * silently. Answers the source as it was, with `deleting` when some cluster is still to be cleaned.
 */
export async function deleteSource(id: string, actor: Actor, origin?: RequestOrigin): Promise<SourceDto> {
  const row = await getSourceRowOrThrow(id);
  const definition = definitionOf(row.definition);
  await db().gitOpsSource.update({ where: { id }, data: { deletingAt: row.deletingAt ?? new Date() } });
  const { results, remaining } = await removeEverywhere(id, row.appliedDefinition ?? row.definition);
  const answer = await getSource(id);
  if (remaining === 0) await db().gitOpsSource.deleteMany({ where: { id } });
  await recordAuditEvent({
    actor,
    action: "source.delete",
    target: sourceAuditTarget(definition),
    before: sourceAuditView(definition, credentialIdOf(row.definition)),
    outcome: results.length === 0 ? "success" : overallOutcome(results),
    results,
    origin,
  });
  return remaining === 0 ? { ...answer, deleting: false, rollout: [] } : answer;
}
