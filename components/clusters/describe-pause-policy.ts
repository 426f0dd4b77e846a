import { describeMinutes } from "@/lib/pause-policies/describe-minutes";
import type { EffectivePausePolicy } from "@/lib/schemas/pause-policies";

/** "Policy for env=production: reason required, at most 8 h, 4 h by default"; null where none applies. */
export function describePausePolicy(policy: EffectivePausePolicy): string | null {
  if (policy.selectors.length === 0) return null;
  const rules = [
    policy.requireReason && "reason required",
    policy.maxExpiryMinutes !== null && `at most ${describeMinutes(policy.maxExpiryMinutes)}`,
    policy.defaultExpiryMinutes !== null && `${describeMinutes(policy.defaultExpiryMinutes)} by default`,
  ].filter(Boolean);
  const subject = `${policy.selectors.length === 1 ? "Policy" : "Policies"} for ${policy.selectors.join("; ")}`;
  return `${subject}: ${rules.length ? rules.join(", ") : "no rules"}`;
}
