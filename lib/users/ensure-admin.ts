import { generatedPassword as newPassword } from "../auth/generated-password";
import { db } from "../db/client";
import { addUser } from "./add-user";

export type EnsureAdminResult = { created: false } | { created: true; generatedPassword?: string };

/**
 * On the first start (no users at all) creates `admin`, with SYNCLINE_ADMIN_PASSWORD when set,
 * or a generated password that the caller prints once.
 */
export async function ensureAdmin(passwordFromEnv: string | undefined): Promise<EnsureAdminResult> {
  if ((await db().user.count()) > 0) return { created: false };
  if (passwordFromEnv) {
    await addUser({ name: "admin", role: "admin", password: passwordFromEnv });
    return { created: true };
  }
  const generatedPassword = newPassword();
  await addUser({ name: "admin", role: "admin", password: generatedPassword });
  return { created: true, generatedPassword };
}
