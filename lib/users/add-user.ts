import type { Actor } from "../auth/actor";
import { generatedPassword as newGeneratedPassword } from "../auth/generated-password";
import { hashPassword } from "../auth/password";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { newUserInput, type NewUserInput } from "../schemas/users";
import { userAuditTarget } from "./user-audit-target";
import { toUserSummary, type UserSummary } from "./user-summary";

export interface AddedUser extends UserSummary {
  /** Set when no password was given: shown to whoever added the user, once, and never stored. */
  generatedPassword?: string;
}

export async function addUser(input: NewUserInput, actor: Actor, origin?: RequestOrigin): Promise<AddedUser> {
  const { name, email, role, password } = newUserInput.parse(input);
  const generatedPassword = password === undefined ? newGeneratedPassword() : undefined;
  if (await db().user.findUnique({ where: { name }, select: { id: true } })) throw new AppError("conflict", `A user named "${name}" already exists`);
  if (email && (await db().user.findUnique({ where: { email }, select: { id: true } }))) {
    throw new AppError("conflict", `Another user already has the e-mail address "${email}"`);
  }
  let user;
  try {
    user = await db().user.create({ data: { name, email: email ?? null, role, passwordHash: await hashPassword(password ?? generatedPassword!) } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `A user named "${name}" or with that e-mail address already exists`);
    throw error;
  }
  const summary = toUserSummary(user);
  await recordAuditEvent({ actor, action: "user.add", target: userAuditTarget(user), after: auditView(summary), outcome: "success", origin });
  return generatedPassword === undefined ? summary : { ...summary, generatedPassword };
}

function auditView(user: UserSummary) {
  return { name: user.name, email: user.email, role: user.role };
}
