import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { Actor } from "./actor";
import { hashOpaqueToken, newOpaqueToken } from "./opaque-token";
import { hashPassword, verifyPassword } from "./password";
import { signInThrottle } from "./sign-in-throttle";

export const SESSION_DAYS = 7;

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so sign-in does not reveal which user names exist.
let unknownUserHash: Promise<string> | undefined;

export interface SignInResult {
  sessionToken: string;
  expiresAt: Date;
  actor: Extract<Actor, { type: "user" }>;
}

export async function signIn(
  name: string,
  password: string,
  client: { ip?: string | null; userAgent?: string | null; requestId?: string | null } = {},
): Promise<SignInResult> {
  const attempt = { name, clientIp: client.ip ?? null, requestId: client.requestId ?? null };
  // Refused before the hash: a locked-out guesser costs a lookup, not an Argon2 run.
  await signInThrottle().refuseIfLocked(attempt);
  const user = await db().user.findUnique({ where: { name } });
  unknownUserHash ??= hashPassword(randomUUID());
  const valid = await verifyPassword(user?.passwordHash ?? (await unknownUserHash), password);
  if (!user || !valid || user.disabledAt) {
    await signInThrottle().recordFailure(attempt);
    throw new AppError("invalid_credentials", "Wrong user name or password");
  }
  await signInThrottle().recordSuccess(attempt);
  const sessionToken = newOpaqueToken("sls");
  const expiresAt = addDays(new Date(), SESSION_DAYS);
  await db().session.create({
    data: {
      tokenHash: hashOpaqueToken(sessionToken),
      userId: user.id,
      expiresAt,
      clientIp: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    },
  });
  return {
    sessionToken,
    expiresAt,
    actor: { type: "user", id: user.id, name: user.name, email: user.email, role: user.role, via: "session" },
  };
}

export async function actorFromSession(sessionToken: string): Promise<Actor | undefined> {
  const session = await db().session.findUnique({
    where: { tokenHash: hashOpaqueToken(sessionToken) },
    include: { user: true },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabledAt) return undefined;
  const { user } = session;
  return { type: "user", id: user.id, name: user.name, email: user.email, role: user.role, via: "session" };
}

export async function signOut(sessionToken: string): Promise<void> {
  await db().session.deleteMany({ where: { tokenHash: hashOpaqueToken(sessionToken) } });
}
