import { format, isSameDay } from "date-fns";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** 10000 → "10K": counts in narrow columns. */
export function compactNumber(value: number): string {
  return value < 10_000 ? value.toLocaleString("en") : compact.format(value);
}

/** "17:42" today, "Nov 28, 17:42" on another day: short enough for a table cell. */
export function shortDateTime(iso: string): string {
  const date = new Date(iso);
  return isSameDay(date, new Date()) ? format(date, "HH:mm") : format(date, "MMM d, HH:mm");
}
