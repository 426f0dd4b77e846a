import { db } from "../db/client";
import type { PausePolicy } from "../db/generated/client";
import { AppError } from "../errors/app-error";

export async function getPausePolicyOrThrow(id: string): Promise<PausePolicy> {
  const row = await db().pausePolicy.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `No pause policy with id "${id.slice(0, 100)}"`);
  return row;
}
