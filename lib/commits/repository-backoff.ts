import { addSeconds } from "date-fns";

const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 30 * 60;

/** When a repository that failed `attempts` times in a row is read again: 30 s, doubling, at most 30 min. */
export function nextRetryAt(now: Date, attempts: number): Date {
  const seconds = Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));
  return addSeconds(now, seconds);
}
