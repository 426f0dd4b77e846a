import type { GitCredential } from "../db/generated/client";
import { gitCredentialTestResult, type GitCredentialDto } from "../schemas/git-credentials";
import { nameOfKind } from "./kind-names";

/** A stored credential as the API shows it: every column but the sealed secret. */
export function toGitCredentialDto(row: GitCredential): GitCredentialDto {
  const lastTest = gitCredentialTestResult.safeParse(row.lastTestResult);
  return {
    id: row.id,
    name: row.name,
    kind: nameOfKind(row.kind),
    urlPattern: row.urlPattern,
    username: row.username,
    githubBaseUrl: row.githubBaseUrl,
    appId: row.appId,
    installationId: row.installationId,
    knownHosts: row.knownHosts,
    hasCaCert: row.caCert !== null,
    fingerprint: row.fingerprint,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
    lastTestResult: lastTest.success ? lastTest.data : null,
  };
}
