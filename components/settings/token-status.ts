import type { Tone } from "@/components/ui/badge";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";

export type TokenStatus = "active" | "expired" | "revoked";

export const tokenStatusTone: Record<TokenStatus, Tone> = { active: "ok", expired: "warn", revoked: "neutral" };

export function tokenStatus(token: ApiTokenSummary, now: number): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return "expired";
  return "active";
}
