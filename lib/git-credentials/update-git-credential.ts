import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db, type Prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { updateGitCredentialInput, type GitCredentialDto, type GitCredentialKindName, type UpdateGitCredentialInput } from "../schemas/git-credentials";
import { fingerprintSecret } from "./fingerprint-secret";
import { sealGitCredentialSecret, type GitCredentialSecret } from "./git-credential-secret";
import { getGitCredentialOrThrow } from "./get-git-credential-or-throw";
import { gitCredentialAuditTarget, gitCredentialAuditView } from "./git-credential-audit-view";
import { nameOfKind } from "./kind-names";
import { isUniqueViolation, nameTaken } from "./name-taken";
import { toGitCredentialDto } from "./to-git-credential-dto";

type Field = keyof ReturnType<typeof updateGitCredentialInput.parse>;

/** The fields each kind has besides name and urlPattern; the first group is its secret. */
const fieldsOf: Record<GitCredentialKindName, { secret: Field[]; plain: Field[] }> = {
  "https-token": { secret: ["token"], plain: ["username", "caCert"] },
  "https-basic": { secret: ["password"], plain: ["username", "caCert"] },
  "ssh-key": { secret: ["privateKey", "passphrase"], plain: ["knownHosts"] },
  "github-token": { secret: ["token"], plain: ["githubBaseUrl"] },
  "github-app": { secret: ["privateKey"], plain: ["githubBaseUrl", "appId", "installationId"] },
};

/**
 * Renames, re-scopes or rotates a credential, keeping its id so that whatever uses it keeps
 * using it. Rotating (a new secret) is audited as such, with the old and new fingerprints.
 */
export async function updateGitCredential(id: string, input: UpdateGitCredentialInput, actor: Actor, origin?: RequestOrigin): Promise<GitCredentialDto> {
  const change = updateGitCredentialInput.parse(input);
  const before = await getGitCredentialOrThrow(id);
  const kind = nameOfKind(before.kind);
  const allowed = new Set<Field>(["name", "urlPattern", ...fieldsOf[kind].secret, ...fieldsOf[kind].plain]);
  const misfits = (Object.keys(change) as Field[]).filter((field) => change[field] !== undefined && !allowed.has(field));
  if (misfits.length > 0) {
    throw new AppError(
      "validation_failed",
      `A ${kind} credential has no ${misfits.join(", ")}`,
      misfits.map((path) => ({ path, message: `Not a field of a ${kind} credential` })),
    );
  }
  if (change.name !== undefined && change.name !== before.name && (await db().gitCredential.findUnique({ where: { name: change.name }, select: { id: true } }))) throw nameTaken(change.name);

  const secret = newSecret(change);
  const data: Prisma.GitCredentialUpdateInput = {
    name: change.name,
    urlPattern: change.urlPattern,
    username: change.username,
    knownHosts: change.knownHosts,
    caCert: change.caCert,
    githubBaseUrl: change.githubBaseUrl,
    appId: change.appId,
    installationId: change.installationId,
  };
  if (secret) Object.assign(data, { secretEncrypted: sealGitCredentialSecret(secret), fingerprint: await fingerprintSecret(kind, secret), rotatedAt: new Date() });
  let row;
  try {
    row = await db().gitCredential.update({ where: { id }, data });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(change.name ?? before.name);
    throw error;
  }
  await recordAuditEvent({
    actor,
    action: secret ? "git_credential.rotate" : "git_credential.update",
    target: gitCredentialAuditTarget(before.name),
    before: gitCredentialAuditView(before),
    after: gitCredentialAuditView(row),
    outcome: "success",
    origin,
  });
  return toGitCredentialDto(row);
}

function newSecret(change: ReturnType<typeof updateGitCredentialInput.parse>): GitCredentialSecret | null {
  if (change.token !== undefined) return { token: change.token };
  if (change.password !== undefined) return { password: change.password };
  if (change.privateKey !== undefined) return { privateKey: change.privateKey, ...(change.passphrase ? { passphrase: change.passphrase } : {}) };
  return null;
}
