import { db } from "../db/client";
import type { Cluster } from "../db/generated/client";
import { AppError } from "../errors/app-error";

export async function getClusterByNameOrThrow(name: string): Promise<Cluster> {
  const row = await db().cluster.findUnique({ where: { name } });
  if (!row) throw new AppError("not_found", `No cluster named "${name.slice(0, 100)}"`);
  return row;
}
