import { addMinutes } from "date-fns";
import { AppError } from "../errors/app-error";
import type { EffectivePausePolicy } from "../schemas/pause-policies";
import { describeMinutes } from "./describe-minutes";

/** A browser computes "in 8 h" from its own clock; this much skew still counts as 8 h. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Checks a pause against the policy that applies, before anything is written, and returns the
 * expiry to use: the policy's default when the pause names none. Refusals name the policy.
 */
export function checkPause(policy: EffectivePausePolicy, pause: { reason: string | null; until: Date | null }, now: Date = new Date()): { until: Date | null } {
  if (policy.requireReason && !pause.reason?.trim()) {
    throw violation(policy.reasonRequiredBy!, "requires a reason for every pause", "reason");
  }
  if (pause.until === null) {
    if (policy.defaultExpiryMinutes !== null) return { until: addMinutes(now, policy.defaultExpiryMinutes) };
    if (policy.maxExpiryMinutes !== null) throw violation(policy.maxExpiryFrom!, `allows a pause of at most ${describeMinutes(policy.maxExpiryMinutes)}: give an expiry`, "until");
    return { until: null };
  }
  if (policy.maxExpiryMinutes !== null && pause.until.getTime() > addMinutes(now, policy.maxExpiryMinutes).getTime() + CLOCK_SKEW_MS) {
    throw violation(policy.maxExpiryFrom!, `allows a pause of at most ${describeMinutes(policy.maxExpiryMinutes)}`, "until");
  }
  return { until: pause.until };
}

function violation(selector: string, rule: string, path: "reason" | "until"): AppError {
  const message = `The pause policy for ${selector} ${rule}`;
  return new AppError("pause_policy_violation", message, [{ path, message, policy: selector }]);
}
