import { db } from "../db/client";
import { userSummaryFields, type UserSummary } from "./user-summary";

export async function listUsers(): Promise<UserSummary[]> {
  return db().user.findMany({ orderBy: { name: "asc" }, select: userSummaryFields });
}
