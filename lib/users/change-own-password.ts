import type { Actor } from "../auth/actor";
import { hashOpaqueToken } from "../auth/opaque-token";
import { hashPassword, verifyPassword } from "../auth/password";
import { signInThrottle } from "../auth/sign-in-throttle";
import { recordAuditEvent, type RequestOrigin } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { changeOwnPasswordInput, type ChangeOwnPasswordInput } from "../schemas/account";
import { userAuditTarget } from "./user-audit-target";

type UserActor = Extract<Actor, { type: "user" }>;

/**
 * A signed-in user changes their own password, proving the current one first, so that an
 * unattended browser cannot lock its owner out. Every other sign-in of the user ends; the
 * session making the change (`keepSessionToken`) stays. API tokens are left alone: they are
 * revoked one by one on the settings page. Wrong current passwords count against the same
 * throttle as sign-in, so a borrowed session cannot be used to guess its owner's password.
 */
export async function changeOwnPassword(
  actor: UserActor,
  input: ChangeOwnPasswordInput,
  options: { keepSessionToken?: string; origin?: RequestOrigin } = {},
): Promise<{ endedSessions: number }> {
  const { currentPassword, newPassword } = changeOwnPasswordInput.parse(input);
  const user = await db().user.findUnique({ where: { id: actor.id } });
  if (!user || user.disabledAt) throw new AppError("unauthenticated", "Sign in again");
  const attempt = { name: user.name, clientIp: options.origin?.clientIp ?? null, requestId: options.origin?.requestId ?? null };
  await signInThrottle().refuseIfLocked(attempt);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await signInThrottle().recordFailure(attempt);
    throw new AppError("validation_failed", "The current password is wrong", [{ path: "currentPassword", message: "The current password is wrong" }]);
  }
  const keep = options.keepSessionToken ? hashOpaqueToken(options.keepSessionToken) : undefined;
  const [, ended] = await db().$transaction([
    db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword) } }),
    db().session.deleteMany({ where: { userId: user.id, ...(keep ? { tokenHash: { not: keep } } : {}) } }),
  ]);
  await recordAuditEvent({
    actor,
    action: "user.password.change",
    target: userAuditTarget(user),
    after: { endedSessions: ended.count },
    outcome: "success",
    origin: options.origin,
  });
  return { endedSessions: ended.count };
}
