import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { addUser } from "./add-user";

export type EnsureAdminResult = { created: false } | { created: true; generatedPassword?: string };

/**
 * On the first start (no users at all) creates `admin`, with SYNCLINE_ADMIN_PASSWORD when set,
 * or a generated password that the caller prints once. Syncline itself is the actor.
 */
export async function ensureAdmin(passwordFromEnv: string | undefined): Promise<EnsureAdminResult> {
  if ((await db().user.count()) > 0) return { created: false };
  const added = await addUser({ name: "admin", role: "admin", password: passwordFromEnv || undefined }, systemActor);
  return added.generatedPassword === undefined ? { created: true } : { created: true, generatedPassword: added.generatedPassword };
}
