import { db } from "../db/client";
import type { Actor } from "./actor";
import { hashOpaqueToken } from "./opaque-token";

const LAST_USED_PRECISION_MS = 60_000;

/** The user a bearer token acts as; none once it is revoked or expired, or its user disabled. */
export async function actorFromApiToken(token: string): Promise<Actor | undefined> {
  const found = await db().apiToken.findUnique({ where: { tokenHash: hashOpaqueToken(token) }, include: { user: true } });
  const now = new Date();
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now) || found.user.disabledAt) return undefined;
  // Shown in token lists so that unused tokens can be found and revoked. A minute is as precise
  // as that needs, and a script calling the API in a loop then writes once a minute, not per call.
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  const { user } = found;
  return { type: "user", id: user.id, name: user.name, email: user.email, role: user.role, via: "token" };
}
