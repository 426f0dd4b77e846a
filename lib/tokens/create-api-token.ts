import { addDays } from "date-fns";
import type { Actor } from "../auth/actor";
import { hashOpaqueToken, newOpaqueToken } from "../auth/opaque-token";
import { recordAuditEvent, type RequestOrigin } from "../audit/record-audit-event";
import { db, Prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { newApiTokenInput, type CreatedApiToken, type NewApiTokenInput } from "../schemas/tokens";
import { toApiTokenSummary, tokenTarget } from "./to-api-token-summary";

/**
 * Creates a personal API token for `ownerName`, with an optional expiry, and audits it. The
 * secret is returned this once; only its SHA-256 is stored. A name is free again once the token
 * that had it is revoked or expired: that dead row is replaced, its history stays in the audit.
 */
export async function createApiToken(ownerName: string, input: NewApiTokenInput, actor: Actor, origin?: RequestOrigin): Promise<CreatedApiToken> {
  const { name, expiresInDays, expiresAt } = newApiTokenInput.parse(input);
  const owner = await db().user.findUnique({ where: { name: ownerName } });
  if (!owner) throw new AppError("not_found", `No user named "${ownerName}"`);
  const now = new Date();
  const expiry = expiresInDays !== undefined ? addDays(now, expiresInDays) : expiresAt ? new Date(expiresAt) : null;
  const token = newOpaqueToken("slt");
  await db().apiToken.deleteMany({ where: { userId: owner.id, name, OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }] } });
  let row;
  try {
    row = await db().apiToken.create({
      data: { userId: owner.id, name, prefix: token.slice(0, 10), tokenHash: hashOpaqueToken(token), expiresAt: expiry },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `User "${ownerName}" already has a token named "${name}"`, [{ path: "name", message: "already in use" }]);
    }
    throw error;
  }
  const summary = toApiTokenSummary(row);
  await recordAuditEvent({
    actor,
    action: "token.create",
    target: tokenTarget(owner.name, row.name),
    after: { prefix: summary.prefix, expiresAt: summary.expiresAt },
    outcome: "success",
    origin,
  });
  return { ...summary, token };
}
