import { describe, expect, it } from "vitest";
import { groupEvents } from "./group-events";

const event = (reason: string, lastSeen: string, extra: { type?: string; message?: string; count?: number; firstSeen?: string } = {}) => ({
  type: extra.type ?? "Normal",
  reason,
  message: extra.message ?? `${reason} message`,
  firstSeen: extra.firstSeen ?? lastSeen,
  lastSeen,
  count: extra.count ?? 1,
});

describe("events with their repeats collapsed", () => {
  it("shows repeats of one event once, with the summed count, the first and the last time", () => {
    const groups = groupEvents([
      event("ReconciliationSucceeded", "2026-12-01T10:05:00Z", { count: 10, firstSeen: "2026-12-01T09:00:00Z" }),
      event("ReconciliationSucceeded", "2026-12-01T10:20:00Z", { count: 4, firstSeen: "2026-12-01T10:10:00Z" }),
    ]);
    expect(groups).toEqual([
      { type: "Normal", reason: "ReconciliationSucceeded", message: "ReconciliationSucceeded message", count: 14, firstSeen: "2026-12-01T09:00:00Z", lastSeen: "2026-12-01T10:20:00Z" },
    ]);
  });

  it("keeps events apart when their type, reason or message differ, newest first", () => {
    const groups = groupEvents([
      event("ReconciliationSucceeded", "2026-12-01T10:00:00Z", { message: "Applied revision main@sha1:aaa" }),
      event("ReconciliationSucceeded", "2026-12-01T10:01:00Z", { message: "Applied revision main@sha1:bbb" }),
      event("ReconciliationSucceeded", "2026-12-01T10:02:00Z", { type: "Warning", message: "Applied revision main@sha1:bbb" }),
      event("BuildFailed", "2026-12-01T09:00:00Z"),
    ]);
    expect(groups.map((g) => `${g.type} ${g.reason} ${g.message}`)).toEqual([
      "Warning ReconciliationSucceeded Applied revision main@sha1:bbb",
      "Normal ReconciliationSucceeded Applied revision main@sha1:bbb",
      "Normal ReconciliationSucceeded Applied revision main@sha1:aaa",
      "Normal BuildFailed BuildFailed message",
    ]);
  });

  it("has nothing to show for no events", () => {
    expect(groupEvents([])).toEqual([]);
  });
});
