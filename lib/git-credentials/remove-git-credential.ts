import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import type { GitCredentialDto } from "../schemas/git-credentials";
import { getGitCredentialOrThrow } from "./get-git-credential-or-throw";
import { gitCredentialAuditTarget, gitCredentialAuditView } from "./git-credential-audit-view";
import { toGitCredentialDto } from "./to-git-credential-dto";

/** Deletes a credential; sources that named it keep their definition and lose the credential. */
export async function removeGitCredential(id: string, actor: Actor, origin?: RequestOrigin): Promise<GitCredentialDto> {
  const row = await getGitCredentialOrThrow(id);
  await db().gitCredential.delete({ where: { id } });
  await recordAuditEvent({ actor, action: "git_credential.remove", target: gitCredentialAuditTarget(row.name), before: gitCredentialAuditView(row), outcome: "success", origin });
  return toGitCredentialDto(row);
}
