import type { GitCredential } from "../db/generated/client";
import { nameOfKind } from "./kind-names";

/** What the audit trail records of a credential: what it is and which secret, never the secret. */
export function gitCredentialAuditView(row: GitCredential) {
  return {
    name: row.name,
    kind: nameOfKind(row.kind),
    urlPattern: row.urlPattern,
    username: row.username,
    githubBaseUrl: row.githubBaseUrl,
    appId: row.appId,
    installationId: row.installationId,
    fingerprint: row.fingerprint,
  };
}

export const gitCredentialAuditTarget = (name: string) => ({ kind: "GitCredential", namespace: "", name });
