import { db } from "../db/client";
import type { Cluster } from "../db/generated/client";
import { AppError } from "../errors/app-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot name a cluster, so it is "not found" too, never a database error. */
export async function getClusterOrThrow(id: string): Promise<Cluster> {
  const row = UUID.test(id) ? await db().cluster.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError("not_found", `No cluster with id "${id.slice(0, 100)}"`);
  return row;
}
