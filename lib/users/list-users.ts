import { db } from "../db/client";
import type { UserSummary } from "./add-user";

export async function listUsers(): Promise<UserSummary[]> {
  return db().user.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
}
