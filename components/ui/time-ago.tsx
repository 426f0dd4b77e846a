"use client";

import { differenceInSeconds, format, formatDistance } from "date-fns";
import { useSyncExternalStore } from "react";

// One clock for every relative time on the page, ticking every 15 s.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((notify) => notify());
  }, 15_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}

export function formatAbsolute(iso: string): string {
  return format(new Date(iso), "yyyy-MM-dd HH:mm:ss");
}

/** "4m ago", "2h ago", "3d ago": for narrow table columns. */
function shortDistance(date: Date, now: number): string {
  const seconds = Math.abs(differenceInSeconds(now, date));
  const [value, unit] = seconds < 3600 ? [seconds / 60, "m"] : seconds < 86_400 ? [seconds / 3600, "h"] : [seconds / 86_400, "d"];
  const text = `${Math.floor(value)}${unit}`;
  return date.getTime() > now ? `in ${text}` : `${text} ago`;
}

interface TimeAgoProps {
  iso: string | null | undefined;
  prefix?: string;
  fallback?: string;
  short?: boolean;
}

/** "3 minutes ago" (or "in 2 hours"), with the exact time on hover and for screen readers. */
export function TimeAgo({ iso, prefix, fallback = "—", short }: TimeAgoProps) {
  const current = useNow();
  if (!iso) return <span className="text-fg-subtle">{fallback}</span>;
  const date = new Date(iso);
  // The shared clock can lag by up to 15 s; within that, "in a few seconds" would be noise.
  const text =
    Math.abs(date.getTime() - current) < 45_000 ? "just now" : short ? shortDistance(date, current) : formatDistance(date, current, { addSuffix: true });
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {prefix && `${prefix} `}
      {text}
    </time>
  );
}
