import { format, isSameDay } from "date-fns";
import type { GitCredentialRateLimitDto } from "@/lib/schemas/git-credentials";

/**
 * "4,812 of 5,000 left, resets 14:05" in the browser's time zone. Once the reset time has passed
 * GitHub has refilled the budget, whatever the last answer said.
 */
export function describeRateLimit(budget: GitCredentialRateLimitDto, now: Date): string {
  const resetAt = new Date(budget.resetAt);
  const time = isSameDay(resetAt, now) ? format(resetAt, "HH:mm") : format(resetAt, "MMM d, HH:mm");
  const count = (value: number) => value.toLocaleString("en");
  if (resetAt.getTime() <= now.getTime()) return `${count(budget.limit)} of ${count(budget.limit)} left, reset at ${time}`;
  return `${count(budget.remaining)} of ${count(budget.limit)} left, resets ${time}`;
}

/** Under a tenth of the budget left before the reset: Syncline will soon wait for GitHub. */
export function rateLimitLow(budget: GitCredentialRateLimitDto, now: Date): boolean {
  return new Date(budget.resetAt).getTime() > now.getTime() && budget.remaining < budget.limit / 10;
}
