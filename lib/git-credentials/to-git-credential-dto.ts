import type { GitCredential } from "../db/generated/client";
import { z } from "zod";
import { gitCredentialTestResult, type GitCredentialDto, type GitCredentialRateLimitDto } from "../schemas/git-credentials";
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
    rateLimit: rateLimitOf(row),
  };
}

// The stored budget is lib/git-hosts/github's RateLimitBudget as JSON: resetAt became a string.
const storedRateLimit = z.object({ limit: z.number().int(), remaining: z.number().int(), resetAt: z.coerce.date() });

function rateLimitOf(row: GitCredential): GitCredentialRateLimitDto | null {
  const stored = storedRateLimit.safeParse(row.rateLimit);
  if (!stored.success || !row.rateLimitAt || Number.isNaN(stored.data.resetAt.getTime())) return null;
  return { limit: stored.data.limit, remaining: stored.data.remaining, resetAt: stored.data.resetAt.toISOString(), observedAt: row.rateLimitAt.toISOString() };
}
