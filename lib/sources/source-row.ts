import type { Cluster, GitCredential, GitOpsSource } from "../db/generated/client";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { sourceDefinition, type SourceDefinition } from "../schemas/sources";
import type { SourceForRender } from "./render-source-objects";

export type SourceRow = GitOpsSource & { credential: GitCredential | null };

/** A source with its credential; 404 when there is none with the id. */
export async function getSourceRowOrThrow(id: string): Promise<SourceRow> {
  const row = await db().gitOpsSource.findUnique({ where: { id }, include: { credential: true } });
  if (!row) throw new AppError("not_found", "There is no source with that id");
  return row;
}

/** The stored form of a definition: the definition plus the credential it uses, so an applied definition keeps its credential when an edit changes it. */
export type StoredDefinition = SourceDefinition & { credentialId: string | null };

export function toStoredDefinition(definition: SourceDefinition, credentialId: string | null): StoredDefinition {
  return { ...definition, credentialId };
}

export function definitionOf(stored: unknown): SourceDefinition {
  return sourceDefinition.parse(stored);
}

export function credentialIdOf(stored: unknown): string | null {
  return (stored as { credentialId?: string | null } | null)?.credentialId ?? null;
}

/** A credential's version without its secret: a rotation changes it, and with it every rendered hash. */
export function credentialVersion(credential: GitCredential | null): string | null {
  return credential ? `${credential.id}:${credential.fingerprint}:${credential.rotatedAt?.toISOString() ?? ""}` : null;
}

/** A stored definition (the current one, or the one last applied) ready to render, with its credential's version. */
export async function renderableSource(id: string, stored: unknown): Promise<SourceForRender & { credentialId: string | null }> {
  const credentialId = credentialIdOf(stored);
  const credential = credentialId ? await db().gitCredential.findUnique({ where: { id: credentialId } }) : null;
  return { id, definition: definitionOf(stored), credentialVersion: credentialVersion(credential), credentialId: credential?.id ?? null };
}

export function clusterLabels(cluster: Pick<Cluster, "labels">): Record<string, string> {
  return (cluster.labels ?? {}) as Record<string, string>;
}
