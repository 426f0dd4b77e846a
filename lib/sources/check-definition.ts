import type { Actor } from "../auth/actor";
import type { RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { addGitCredential } from "../git-credentials";
import { parseLabelSelector } from "../pause-policies";
import type { SourceCredentialsInput, SourceDefinition } from "../schemas/sources";

/**
 * What the schema cannot check alone: the selector's syntax, that the named clusters exist, and
 * that a referenced credential exists. Throws a 422 naming the field; nothing is stored before.
 */
export async function checkDefinition(definition: SourceDefinition, credentials: SourceCredentialsInput | null | undefined): Promise<void> {
  if (definition.selector !== null && definition.selector.trim() !== "") parseLabelSelector(definition.selector);
  if (definition.selector === null && definition.clusterIds.length === 0) {
    throw new AppError("validation_failed", "Choose targets: a label selector, cluster ids, or both", [{ path: "selector", message: "Choose targets" }]);
  }
  if (definition.clusterIds.length > 0) {
    const found = await db().cluster.findMany({ where: { id: { in: definition.clusterIds } }, select: { id: true } });
    const missing = definition.clusterIds.filter((id) => !found.some((cluster) => cluster.id === id));
    if (missing.length > 0) throw new AppError("validation_failed", `No cluster has the id ${missing.join(", ")}`, [{ path: "clusterIds", message: "Unknown cluster id", ids: missing }]);
  }
  if (credentials && "credentialId" in credentials) await checkCredentialExists(credentials.credentialId, "credentials.credentialId");
}

/** A 422 naming `path` when the Git credential store has no entry with the id. */
export async function checkCredentialExists(credentialId: string, path: string): Promise<void> {
  if (!(await db().gitCredential.findUnique({ where: { id: credentialId }, select: { id: true } }))) {
    throw new AppError("validation_failed", "There is no Git credential with that id", [{ path, message: "Unknown Git credential" }]);
  }
}

/**
 * The credential id a source uses: the one referenced, or a new entry of the one Git credential
 * store holding the inline secret (sealed there, audited as any credential added).
 */
export async function resolveCredential(sourceName: string, url: string, credentials: SourceCredentialsInput, actor: Actor, origin?: RequestOrigin): Promise<string> {
  if ("credentialId" in credentials) return credentials.credentialId;
  const name = `source ${sourceName} ${Date.now().toString(36)}`;
  const added = await addGitCredential({ ...credentials, name, urlPattern: url }, actor, origin);
  return added.id;
}
