import { db } from "../db/client";
import type { GitCredentialDto } from "../schemas/git-credentials";
import { toGitCredentialDto } from "./to-git-credential-dto";

/** Every stored credential by name, without its secret. */
export async function listGitCredentials(): Promise<GitCredentialDto[]> {
  const rows = await db().gitCredential.findMany({ orderBy: { name: "asc" } });
  return rows.map(toGitCredentialDto);
}
