import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "./actor";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-token";

export interface CreatedApiToken {
  id: string;
  name: string;
  /** Shown once; only its hash is kept. */
  token: string;
}

export async function createApiToken(userName: string, tokenName?: string): Promise<CreatedApiToken> {
  const user = await db().user.findUnique({ where: { name: userName } });
  if (!user) throw new AppError("not_found", `No user named "${userName}"`);
  const token = newOpaqueToken("slt");
  const name = tokenName ?? `token-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "")}`;
  const existing = await db().apiToken.findUnique({ where: { userId_name: { userId: user.id, name } } });
  if (existing) throw new AppError("conflict", `User "${userName}" already has a token named "${name}"`);
  const created = await db().apiToken.create({
    data: { userId: user.id, name, prefix: token.slice(0, 10), tokenHash: hashOpaqueToken(token) },
  });
  return { id: created.id, name: created.name, token };
}

export async function actorFromApiToken(token: string): Promise<Actor | undefined> {
  const found = await db().apiToken.findUnique({ where: { tokenHash: hashOpaqueToken(token) }, include: { user: true } });
  const now = new Date();
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now) || found.user.disabledAt) return undefined;
  // Shown in token lists so that unused tokens can be found and revoked.
  await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  const { user } = found;
  return { type: "user", id: user.id, name: user.name, email: user.email, role: user.role, via: "token" };
}
