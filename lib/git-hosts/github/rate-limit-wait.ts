import { numberHeader } from "./read-rate-limit";

type Headers = Record<string, string | number | undefined>;

/** GitHub's advice when a secondary limit names no retry-after: wait at least a minute. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/**
 * How long GitHub asks to wait before trying again, from a refused answer; undefined when the
 * refusal is not about rate limits (a 403 for missing permissions is final). Follows GitHub's
 * rules: retry-after first, then x-ratelimit-remaining 0 until x-ratelimit-reset, then a minute
 * for a secondary limit.
 */
export function rateLimitWait(status: number, headers: Headers, message: string, nowMs: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = numberHeader(headers["retry-after"]);
  if (retryAfter !== undefined) return Math.max(0, retryAfter * 1000);
  const reset = numberHeader(headers["x-ratelimit-reset"]);
  if (numberHeader(headers["x-ratelimit-remaining"]) === 0 && reset !== undefined) return Math.max(0, reset * 1000 - nowMs);
  if (status === 429 || /secondary rate limit/i.test(message)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}
