import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import type { PausePolicyDto } from "../schemas/pause-policies";
import { getPausePolicyOrThrow } from "./get-pause-policy-or-throw";
import { pausePolicyDto, policyAuditTarget, policySettings } from "./pause-policy-dto";

/** Pauses already made under the policy keep their expiry; only new pauses are affected. */
export async function deletePausePolicy(id: string, actor: Actor, origin?: RequestOrigin): Promise<PausePolicyDto> {
  const row = await getPausePolicyOrThrow(id);
  await db().pausePolicy.delete({ where: { id } });
  await recordAuditEvent({ actor, action: "policy.delete", target: policyAuditTarget(row.selector), before: policySettings(row), outcome: "success", origin });
  return pausePolicyDto(row);
}
