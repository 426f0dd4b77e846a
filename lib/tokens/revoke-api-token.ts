import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ApiTokenSummary } from "../schemas/tokens";
import { toApiTokenSummary, tokenTarget } from "./to-api-token-summary";

export type ApiTokenRef = { id: string } | { ownerName: string; name: string };

/**
 * Revokes a token: it gets 401 from its next request on. Users revoke their own tokens; admins
 * may revoke anyone's (a leaked token must not wait for its owner), and so may the CLI, which
 * works on the database directly. Someone else's token answers as not found, revealing nothing.
 * Revoking a revoked token changes nothing and records nothing.
 */
export async function revokeApiToken(ref: ApiTokenRef, actor: Actor, origin?: RequestOrigin): Promise<ApiTokenSummary> {
  const where = "id" in ref ? { id: ref.id } : { user: { name: ref.ownerName }, name: ref.name };
  const token = await db().apiToken.findFirst({ where, include: { user: { select: { name: true } } } });
  const mayRevoke = token && (actor.type !== "user" || actor.role === "admin" || token.userId === actor.id);
  if (!token || !mayRevoke) throw new AppError("not_found", "id" in ref ? "No such API token" : `User "${ref.ownerName}" has no token named "${ref.name}"`);
  if (token.revokedAt) return toApiTokenSummary(token);
  const now = new Date();
  const { count } = await db().apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
  const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
  if (count === 1) {
    await recordAuditEvent({ actor, action: "token.revoke", target: tokenTarget(token.user.name, token.name), before: { prefix: token.prefix }, outcome: "success", origin });
  }
  return toApiTokenSummary(row);
}
