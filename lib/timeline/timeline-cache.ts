import type { TimelineDto } from "../schemas/timeline";

// A timeline is a few MB; this bounds a replica's memory to a few hundred MB at most.
const MAX_ENTRIES = 50;

const answers = new Map<string, { version: string; timeline: TimelineDto }>();

/** The answer kept for a filter, when it was made from the data version given; the most recently used is kept longest. */
export function cachedTimeline(key: string, version: string): TimelineDto | undefined {
  const entry = answers.get(key);
  if (!entry || entry.version !== version) return undefined;
  answers.delete(key);
  answers.set(key, entry);
  return entry.timeline;
}

/** Keeps an answer for a filter and data version, dropping the least recently used beyond the bound. */
export function keepTimeline(key: string, version: string, timeline: TimelineDto): void {
  answers.delete(key);
  answers.set(key, { version, timeline });
  while (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
}
