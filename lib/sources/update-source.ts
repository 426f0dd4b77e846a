import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { updateSourceInput, type SourceDefinition, type SourceDto, type UpdateSourceInput } from "../schemas/sources";
import { checkDefinition, resolveCredential } from "./check-definition";
import { getSource } from "./get-source";
import { sourceAuditTarget, sourceAuditView } from "./source-audit";
import { credentialIdOf, definitionOf, getSourceRowOrThrow, toStoredDefinition } from "./source-row";
import { stableHash } from "./stable-hash";

/**
 * Changes a source's definition; like a new one, the change reaches clusters only when it is
 * previewed and applied. Until then the leader keeps rolling out the definition last applied.
 */
export async function updateSource(id: string, input: UpdateSourceInput, actor: Actor, origin?: RequestOrigin): Promise<SourceDto> {
  const given = updateSourceInput.parse(input);
  const row = await getSourceRowOrThrow(id);
  if (row.deletingAt) throw new AppError("source_deleting", "The source is being deleted");
  const before = definitionOf(row.definition);
  const { credentials, ...fields } = given;
  const definition: SourceDefinition = { ...before };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (definition as Record<string, unknown>)[key] = value;
  await checkDefinition(definition, credentials);
  const beforeCredential = credentialIdOf(row.definition);
  const credentialId = credentials === undefined ? beforeCredential : credentials === null ? null : await resolveCredential(definition.name, definition.url, credentials, actor, origin);
  const stored = toStoredDefinition(definition, credentialId);
  await db().gitOpsSource.update({ where: { id }, data: { definition: stored, definitionHash: stableHash(stored), credentialId, updatedBy: actor.name } });
  await recordAuditEvent({
    actor,
    action: "source.update",
    target: sourceAuditTarget(definition),
    before: sourceAuditView(before, beforeCredential),
    after: sourceAuditView(definition, credentialId),
    outcome: "success",
    origin,
  });
  return getSource(id);
}
