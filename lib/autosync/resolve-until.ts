import { AppError } from "../errors/app-error";

/** A suspension's expiry must lie in the future: an expiry in the past would resume at once. */
export function resolveUntil(until: string | null | undefined, now: Date = new Date()): Date | null {
  if (!until) return null;
  const date = new Date(until);
  if (Number.isNaN(date.getTime())) throw invalid(`"${until}" is not a date-time`);
  if (date.getTime() <= now.getTime()) throw invalid(`\`until\` (${date.toISOString()}) is not in the future`);
  return date;
}

function invalid(message: string): AppError {
  return new AppError("validation_failed", message, [{ path: "until", message }]);
}
