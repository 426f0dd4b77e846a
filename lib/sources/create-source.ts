import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { newSourceInput, type NewSourceInput, type SourceDefinition, type SourceDto } from "../schemas/sources";
import { checkDefinition, resolveCredential } from "./check-definition";
import { getSource } from "./get-source";
import { sourceAuditTarget, sourceAuditView } from "./source-audit";
import { toStoredDefinition } from "./source-row";
import { stableHash } from "./stable-hash";

/** Stores a source's definition; nothing reaches a cluster until it is previewed and applied. */
export async function createSource(input: NewSourceInput, actor: Actor, origin?: RequestOrigin): Promise<SourceDto> {
  const given = newSourceInput.parse(input);
  const definition: SourceDefinition = {
    name: given.name,
    namespace: given.namespace,
    url: given.url,
    ref: given.ref,
    path: given.path,
    interval: given.interval,
    timeout: given.timeout ?? null,
    retryInterval: given.retryInterval ?? null,
    prune: given.prune,
    targetNamespace: given.targetNamespace ?? null,
    dependsOn: given.dependsOn,
    postBuild: given.postBuild ?? null,
    selector: given.selector ?? null,
    clusterIds: given.clusterIds ?? [],
  };
  await checkDefinition(definition, given.credentials);
  if (await db().gitOpsSource.findUnique({ where: { name: definition.name }, select: { id: true } })) throw nameTaken(definition.name);
  const credentialId = given.credentials ? await resolveCredential(definition.name, definition.url, given.credentials, actor, origin) : null;
  const stored = toStoredDefinition(definition, credentialId);
  let row;
  try {
    row = await db().gitOpsSource.create({
      data: { name: definition.name, namespace: definition.namespace, definition: stored, definitionHash: stableHash(stored), credentialId, updatedBy: actor.name },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw nameTaken(definition.name);
    throw error;
  }
  await recordAuditEvent({ actor, action: "source.create", target: sourceAuditTarget(definition), after: sourceAuditView(definition, credentialId), outcome: "success", origin });
  return getSource(row.id);
}

function nameTaken(name: string): AppError {
  return new AppError("conflict", `A source named ${name} exists already`, [{ path: "name", message: "Taken" }]);
}
