import type { FluxEvent } from "@/lib/fleet/dto";

export interface EventGroup {
  type: string;
  reason: string;
  message: string;
  /** Every occurrence in the group: Kubernetes' own counts, summed. */
  count: number;
  firstSeen: string;
  lastSeen: string;
}

/**
 * Repeats of one event (same type, reason and message) as one line, newest first: a controller
 * that reconciles every minute says "ReconciliationSucceeded" fourteen times, and the one
 * warning in between should not drown in them.
 */
export function groupEvents(events: FluxEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const event of events) {
    const key = JSON.stringify([event.type, event.reason, event.message]);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { type: event.type, reason: event.reason, message: event.message, count: event.count, firstSeen: event.firstSeen, lastSeen: event.lastSeen });
      continue;
    }
    group.count += event.count;
    if (event.firstSeen < group.firstSeen) group.firstSeen = event.firstSeen;
    if (event.lastSeen > group.lastSeen) group.lastSeen = event.lastSeen;
  }
  return [...groups.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}
