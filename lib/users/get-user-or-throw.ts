import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { userSummaryFields, type UserSummary } from "./user-summary";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot name a user, so it is "not found" too, never a database error. */
export async function getUserOrThrow(id: string): Promise<UserSummary> {
  const row = UUID.test(id) ? await db().user.findUnique({ where: { id }, select: userSummaryFields }) : null;
  if (!row) throw new AppError("not_found", `No user with id "${id.slice(0, 100)}"`);
  return row;
}
