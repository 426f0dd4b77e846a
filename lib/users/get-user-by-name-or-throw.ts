import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { userSummaryFields, type UserSummary } from "./user-summary";

export async function getUserByNameOrThrow(name: string): Promise<UserSummary> {
  const row = await db().user.findUnique({ where: { name }, select: userSummaryFields });
  if (!row) throw new AppError("not_found", `No user named "${name.slice(0, 100)}"`);
  return row;
}
