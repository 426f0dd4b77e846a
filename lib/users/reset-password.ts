import type { Actor } from "../auth/actor";
import { generatedPassword as newGeneratedPassword } from "../auth/generated-password";
import { hashPassword } from "../auth/password";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { resetPasswordInput, type ResetPasswordInput } from "../schemas/users";
import { getUserOrThrow } from "./get-user-or-throw";
import { userAuditTarget } from "./user-audit-target";

/**
 * Sets a user's password, generated unless one is given, and ends all their sessions: whoever
 * knew the old password is signed out with it. API tokens are separate credentials and stay.
 */
export async function resetPassword(id: string, input: ResetPasswordInput, actor: Actor, origin?: RequestOrigin): Promise<{ generatedPassword?: string }> {
  const { password } = resetPasswordInput.parse(input);
  const user = await getUserOrThrow(id);
  const generatedPassword = password === undefined ? newGeneratedPassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  const [, ended] = await db().$transaction([
    db().user.update({ where: { id }, data: { passwordHash } }),
    db().session.deleteMany({ where: { userId: id } }),
  ]);
  await recordAuditEvent({
    actor,
    action: "user.password.reset",
    target: userAuditTarget(user),
    after: { passwordGenerated: generatedPassword !== undefined, sessionsEnded: ended.count },
    outcome: "success",
    origin,
  });
  return generatedPassword === undefined ? {} : { generatedPassword };
}
