import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { GitCredentialDto } from "../schemas/git-credentials";
import { getGitCredentialOrThrow } from "./get-git-credential-or-throw";
import { gitCredentialAuditTarget, gitCredentialAuditView } from "./git-credential-audit-view";
import { toGitCredentialDto } from "./to-git-credential-dto";

/**
 * Deletes a credential. One a GitOps source uses (in its definition or the one it last applied) is
 * refused (409): removing it would take the Secret off the source's clusters at its next rollout, unpreviewed.
 */
export async function removeGitCredential(id: string, actor: Actor, origin?: RequestOrigin): Promise<GitCredentialDto> {
  const row = await getGitCredentialOrThrow(id);
  // The definition a source last applied keeps its credential until the next apply, so it counts too.
  const sources = await db().gitOpsSource.findMany({ select: { name: true, credentialId: true, appliedDefinition: true }, orderBy: { name: "asc" } });
  const users = sources.filter((source) => source.credentialId === id || (source.appliedDefinition as { credentialId?: string } | null)?.credentialId === id);
  if (users.length > 0) {
    const names = users.map((source) => source.name).join(", ");
    throw new AppError("conflict", `The GitOps source${users.length === 1 ? "" : "s"} ${names} use${users.length === 1 ? "s" : ""} this credential; give ${users.length === 1 ? "it" : "them"} another first`, [{ path: "id", message: "In use", sources: users.map((source) => source.name) }]);
  }
  await db().gitCredential.delete({ where: { id } });
  await recordAuditEvent({ actor, action: "git_credential.remove", target: gitCredentialAuditTarget(row.name), before: gitCredentialAuditView(row), outcome: "success", origin });
  return toGitCredentialDto(row);
}
