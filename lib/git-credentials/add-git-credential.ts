import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { newGitCredentialInput, type GitCredentialDto, type NewGitCredentialInput } from "../schemas/git-credentials";
import { fingerprintSecret } from "./fingerprint-secret";
import { sealGitCredentialSecret, type GitCredentialSecret } from "./git-credential-secret";
import { gitCredentialAuditTarget, gitCredentialAuditView } from "./git-credential-audit-view";
import { kindOfName } from "./kind-names";
import { isUniqueViolation, nameTaken } from "./name-taken";
import { toGitCredentialDto } from "./to-git-credential-dto";

/** Stores a credential with its secret sealed. A key that does not parse or a taken name stores nothing. */
export async function addGitCredential(input: NewGitCredentialInput, actor: Actor, origin?: RequestOrigin): Promise<GitCredentialDto> {
  const given = newGitCredentialInput.parse(input);
  if (await db().gitCredential.findUnique({ where: { name: given.name }, select: { id: true } })) throw nameTaken(given.name);
  const secret: GitCredentialSecret =
    given.kind === "https-basic" ? { password: given.password } : "token" in given ? { token: given.token } : { privateKey: given.privateKey, ...("passphrase" in given && given.passphrase ? { passphrase: given.passphrase } : {}) };
  const fingerprint = await fingerprintSecret(given.kind, secret);
  let row;
  try {
    row = await db().gitCredential.create({
      data: {
        name: given.name,
        kind: kindOfName(given.kind),
        urlPattern: given.urlPattern,
        username: "username" in given ? (given.username ?? null) : null,
        githubBaseUrl: "githubBaseUrl" in given ? (given.githubBaseUrl ?? null) : null,
        appId: given.kind === "github-app" ? given.appId : null,
        installationId: given.kind === "github-app" ? given.installationId : null,
        knownHosts: given.kind === "ssh-key" ? given.knownHosts : null,
        caCert: "caCert" in given ? (given.caCert ?? null) : null,
        secretEncrypted: sealGitCredentialSecret(secret),
        fingerprint,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(given.name);
    throw error;
  }
  await recordAuditEvent({ actor, action: "git_credential.add", target: gitCredentialAuditTarget(row.name), after: gitCredentialAuditView(row), outcome: "success", origin });
  return toGitCredentialDto(row);
}
