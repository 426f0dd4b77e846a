import { db } from "../db/client";
import type { GitCredential } from "../db/generated/client";
import { AppError } from "../errors/app-error";

export async function getGitCredentialOrThrow(id: string): Promise<GitCredential> {
  const row = await db().gitCredential.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `No Git credential with id "${id.slice(0, 100)}"`);
  return row;
}
