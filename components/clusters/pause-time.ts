import { format, formatDistanceStrict, isSameYear } from "date-fns";

/**
 * The zone's short name where the browser knows one ("CET", "BST", "UTC"), else its offset
 * ("GMT+5:30"): British English names European zones, American English names American ones.
 */
function zoneName(date: Date): string {
  const zoneIn = (locale: string) => new Intl.DateTimeFormat(locale, { timeZoneName: "short" }).formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? "";
  const british = zoneIn("en-GB");
  if (!/^GMT[+-]/.test(british)) return british;
  const american = zoneIn("en-US");
  return /^GMT[+-]/.test(american) ? british : american;
}

/** "Tue 1 Dec, 21:30 CET" in the browser's time zone; the year is added when it is not this one. */
export function absoluteTime(iso: string, now: number): string {
  const date = new Date(iso);
  return `${format(date, isSameYear(date, now) ? "EEE d MMM, HH:mm" : "EEE d MMM yyyy, HH:mm")} ${zoneName(date)}`;
}

/** "in 3 hours · Tue 1 Dec, 21:30 CET" (or "10 minutes ago · …"): how long, and exactly when. */
export function relativeAndAbsoluteTime(iso: string, now: number): string {
  return `${formatDistanceStrict(new Date(iso), now, { addSuffix: true })} · ${absoluteTime(iso, now)}`;
}
