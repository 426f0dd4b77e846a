import { describe, expect, it } from "vitest";
import { RECONCILE_REQUESTED_AT, SUSPENDED_AT, SUSPENDED_BY, SUSPENDED_UNTIL, SUSPEND_REASON, suspensionAnnotations } from "./suspension-annotations";

const at = new Date("2026-11-26T12:00:00Z");
const until = new Date("2026-11-26T13:00:00Z");

describe("suspension annotations", () => {
  it("suspending writes who, why, until and when, readable by kubectl users", () => {
    expect(suspensionAnnotations.suspend({ by: "maria", reason: "freeze", until, at })).toEqual({
      [SUSPENDED_BY]: "maria",
      [SUSPEND_REASON]: "freeze",
      [SUSPENDED_UNTIL]: "2026-11-26T13:00:00.000Z",
      [SUSPENDED_AT]: "2026-11-26T12:00:00.000Z",
    });
  });

  it("suspending without reason or expiry removes stale ones from an earlier suspension", () => {
    const patch = suspensionAnnotations.suspend({ by: "maria", reason: null, until: null, at });
    expect(patch[SUSPEND_REASON]).toBeNull();
    expect(patch[SUSPENDED_UNTIL]).toBeNull();
  });

  it("resuming removes every Syncline annotation and requests a reconcile now", () => {
    const patch = suspensionAnnotations.resume(at);
    expect(patch).toEqual({ [SUSPENDED_BY]: null, [SUSPEND_REASON]: null, [SUSPENDED_UNTIL]: null, [SUSPENDED_AT]: null, [RECONCILE_REQUESTED_AT]: at.toISOString() });
  });

  it("the same suspension again matches, so repeating it changes nothing", () => {
    const annotations = suspensionAnnotations.suspend({ by: "maria", reason: "freeze", until, at }) as Record<string, string>;
    expect(suspensionAnnotations.matches(true, annotations, { reason: "freeze", until })).toBe(true);
    expect(suspensionAnnotations.matches(true, annotations, { reason: "other", until })).toBe(false);
    expect(suspensionAnnotations.matches(true, annotations, { reason: "freeze", until: null })).toBe(false);
    expect(suspensionAnnotations.matches(false, annotations, { reason: "freeze", until })).toBe(false);
  });
});
