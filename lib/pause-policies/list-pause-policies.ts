import { db } from "../db/client";
import type { PausePolicyDto } from "../schemas/pause-policies";
import { pausePolicyDto } from "./pause-policy-dto";

export async function listPausePolicies(): Promise<PausePolicyDto[]> {
  const rows = await db().pausePolicy.findMany({ orderBy: { selector: "asc" } });
  return rows.map(pausePolicyDto);
}
