import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { newPausePolicyInput, type NewPausePolicyInput, type PausePolicyDto } from "../schemas/pause-policies";
import { parseLabelSelector } from "./parse-label-selector";
import { pausePolicyDto, policyAuditTarget, policySettings } from "./pause-policy-dto";
import { requireSelectorFree } from "./require-selector-free";

export async function createPausePolicy(input: NewPausePolicyInput, actor: Actor, origin?: RequestOrigin): Promise<PausePolicyDto> {
  const fields = newPausePolicyInput.parse(input);
  parseLabelSelector(fields.selector);
  await requireSelectorFree(fields.selector);
  const row = await db().pausePolicy.create({ data: { ...fields, updatedBy: actor.name } });
  await recordAuditEvent({ actor, action: "policy.create", target: policyAuditTarget(row.selector), after: policySettings(row), outcome: "success", origin });
  return pausePolicyDto(row);
}
