import type { ApiToken } from "../db/generated/client";
import type { ApiTokenSummary } from "../schemas/tokens";

export function toApiTokenSummary(row: ApiToken): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Audit records name a token by its owner and name, as "ApiToken alice/laptop". */
export function tokenTarget(ownerName: string, tokenName: string) {
  return { kind: "ApiToken", namespace: ownerName, name: tokenName };
}
