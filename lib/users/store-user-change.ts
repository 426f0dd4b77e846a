import { db } from "../db/client";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

export interface UserChange {
  role: Role;
  email: string | null;
  disabledAt: Date | null;
}

// One lock for every change that takes an admin away, so two admins demoting each other at the
// same moment cannot both succeed and leave nobody who can administer Syncline.
const ADMINS_LOCK = 0x5359_4e43;

/**
 * Writes a user's role, e-mail address and disabled time. When the change takes an enabled
 * admin away it applies only if another enabled admin remains, checked under a lock in the same
 * transaction (the batch form, which the embedded database allows).
 */
export async function storeUserChange(id: string, change: UserChange, { keepAnotherAdmin }: { keepAnotherAdmin: boolean }): Promise<void> {
  try {
    if (!keepAnotherAdmin) {
      await db().user.update({ where: { id }, data: change });
      return;
    }
    const [, updated] = await db().$transaction([
      db().$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(${ADMINS_LOCK})`,
      db().$executeRaw`
        UPDATE "User"
        SET "role" = CAST(${change.role} AS "Role"), "email" = CAST(${change.email} AS text),
            "disabledAt" = CAST(${change.disabledAt} AS timestamptz), "updatedAt" = now()
        WHERE "id" = CAST(${id} AS uuid)
          AND EXISTS (SELECT 1 FROM "User" AS other WHERE other."id" <> CAST(${id} AS uuid) AND other."role" = 'admin' AND other."disabledAt" IS NULL)`,
    ]);
    if (updated === 0) {
      throw new AppError("last_admin", "This is the last enabled admin; make another user an admin first, so that someone can still administer Syncline");
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `Another user already has the e-mail address "${change.email}"`);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === "P2002" || (code === "P2010" && /23505/.test(message ?? ""));
}
