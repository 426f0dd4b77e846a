import type { Actor } from "../auth/actor";
import { recordAuditEvent, type RequestOrigin } from "../audit";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { updatePausePolicyInput, type PausePolicyDto, type UpdatePausePolicyInput } from "../schemas/pause-policies";
import { getPausePolicyOrThrow } from "./get-pause-policy-or-throw";
import { parseLabelSelector } from "./parse-label-selector";
import { pausePolicyDto, policyAuditTarget, policySettings } from "./pause-policy-dto";
import { requireSelectorFree } from "./require-selector-free";

export async function updatePausePolicy(id: string, input: UpdatePausePolicyInput, actor: Actor, origin?: RequestOrigin): Promise<PausePolicyDto> {
  const change = updatePausePolicyInput.parse(input);
  const before = await getPausePolicyOrThrow(id);
  const after = {
    selector: change.selector ?? before.selector,
    requireReason: change.requireReason ?? before.requireReason,
    defaultExpiryMinutes: change.defaultExpiryMinutes === undefined ? before.defaultExpiryMinutes : change.defaultExpiryMinutes,
    maxExpiryMinutes: change.maxExpiryMinutes === undefined ? before.maxExpiryMinutes : change.maxExpiryMinutes,
  };
  if (after.defaultExpiryMinutes !== null && after.maxExpiryMinutes !== null && after.defaultExpiryMinutes > after.maxExpiryMinutes) {
    const message = "The default expiry cannot be longer than the longest allowed";
    throw new AppError("validation_failed", message, [{ path: "defaultExpiryMinutes", message }]);
  }
  const settingsBefore = policySettings(before);
  if (JSON.stringify(settingsBefore) === JSON.stringify(after)) return pausePolicyDto(before);
  parseLabelSelector(after.selector);
  if (after.selector !== before.selector) await requireSelectorFree(after.selector, id);
  const row = await db().pausePolicy.update({ where: { id }, data: { ...after, updatedBy: actor.name } });
  await recordAuditEvent({ actor, action: "policy.update", target: policyAuditTarget(before.selector), before: settingsBefore, after: policySettings(row), outcome: "success", origin });
  return pausePolicyDto(row);
}
