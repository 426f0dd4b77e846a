import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ApiTokenSummary } from "../schemas/tokens";
import { toApiTokenSummary } from "./to-api-token-summary";

/** One user's tokens, newest first, revoked and expired ones included so their history shows. */
export async function listApiTokens(ownerName: string): Promise<ApiTokenSummary[]> {
  const owner = await db().user.findUnique({ where: { name: ownerName }, include: { apiTokens: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] } } });
  if (!owner) throw new AppError("not_found", `No user named "${ownerName}"`);
  return owner.apiTokens.map(toApiTokenSummary);
}
