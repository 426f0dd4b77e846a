import { db } from "../db/client";
import { AppError } from "../errors/app-error";

/** One policy per selector: two for the same clusters would only leave admins guessing which counts. */
export async function requireSelectorFree(selector: string, exceptId?: string): Promise<void> {
  const existing = await db().pausePolicy.findUnique({ where: { selector }, select: { id: true } });
  if (existing && existing.id !== exceptId) {
    throw new AppError("conflict", `A pause policy for ${selector} already exists; edit it instead`, [{ path: "selector", message: "already has a policy" }]);
  }
}
