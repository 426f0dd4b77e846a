import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { updateUserInput, type UpdateUserInput } from "../schemas/users";
import { getUserOrThrow } from "./get-user-or-throw";
import { storeUserChange, type UserChange } from "./store-user-change";
import { userAuditTarget } from "./user-audit-target";
import type { UserSummary } from "./user-summary";

/**
 * Changes a user's role, e-mail address or whether they may sign in. Disabling ends every
 * session at once and makes their API tokens useless; no change may leave Syncline without an
 * enabled admin. Each kind of change is its own audit record.
 */
export async function updateUser(id: string, input: UpdateUserInput, actor: Actor, origin?: RequestOrigin): Promise<UserSummary> {
  const change = updateUserInput.parse(input);
  const before = await getUserOrThrow(id);
  const after: UserChange = {
    role: change.role ?? before.role,
    email: change.email === undefined ? before.email : change.email,
    disabledAt: change.disabled === undefined ? before.disabledAt : change.disabled ? (before.disabledAt ?? new Date()) : null,
  };
  const roleOrEmailChanged = after.role !== before.role || after.email !== before.email;
  const disabledChanged = (after.disabledAt === null) !== (before.disabledAt === null);
  if (!roleOrEmailChanged && !disabledChanged) return before;
  if (after.email && after.email !== before.email && (await db().user.findUnique({ where: { email: after.email }, select: { id: true } }))) {
    throw new AppError("conflict", `Another user already has the e-mail address "${after.email}"`);
  }

  const removesAnAdmin = before.role === "admin" && before.disabledAt === null && (after.role !== "admin" || after.disabledAt !== null);
  await storeUserChange(id, after, { keepAnotherAdmin: removesAnAdmin });
  const sessionsEnded = after.disabledAt ? (await db().session.deleteMany({ where: { userId: id } })).count : 0;

  const target = userAuditTarget(before);
  if (roleOrEmailChanged) {
    const fields = (["role", "email"] as const).filter((field) => after[field] !== before[field]);
    await recordAuditEvent({
      actor,
      action: "user.update",
      target,
      before: Object.fromEntries(fields.map((field) => [field, before[field]])),
      after: Object.fromEntries(fields.map((field) => [field, after[field]])),
      outcome: "success",
      origin,
    });
  }
  if (disabledChanged) {
    await recordAuditEvent({
      actor,
      action: after.disabledAt ? "user.disable" : "user.enable",
      target,
      before: { disabled: before.disabledAt !== null },
      after: after.disabledAt ? { disabled: true, sessionsEnded } : { disabled: false },
      outcome: "success",
      origin,
    });
  }
  return { ...before, ...after };
}
