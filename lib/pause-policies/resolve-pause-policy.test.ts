import { describe, expect, it } from "vitest";
import { checkPause } from "./check-pause";
import { resolvePausePolicy, type PolicyRule } from "./resolve-pause-policy";

const rule = (selector: string, settings: Partial<Omit<PolicyRule, "selector">> = {}): PolicyRule => ({
  selector,
  requireReason: false,
  defaultExpiryMinutes: null,
  maxExpiryMinutes: null,
  ...settings,
});

const production = { env: "production", team: "payments" };
const now = new Date("2026-12-01T12:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe("the policy a cluster pauses under", () => {
  it("is empty for a cluster no selector matches", () => {
    expect(resolvePausePolicy([rule("env=staging", { requireReason: true, maxExpiryMinutes: 60 })], production)).toEqual({
      selectors: [],
      requireReason: false,
      reasonRequiredBy: null,
      defaultExpiryMinutes: null,
      defaultExpiryFrom: null,
      maxExpiryMinutes: null,
      maxExpiryFrom: null,
    });
  });

  it("takes each setting at its strictest when several policies match, naming where each comes from", () => {
    const policy = resolvePausePolicy(
      [
        rule("env=production", { requireReason: true, defaultExpiryMinutes: 240, maxExpiryMinutes: 480 }),
        rule("team in (payments,search)", { defaultExpiryMinutes: 60, maxExpiryMinutes: 1440 }),
        rule("env=staging", { maxExpiryMinutes: 5 }),
      ],
      production,
    );
    expect(policy).toEqual({
      selectors: ["env=production", "team in (payments,search)"],
      requireReason: true,
      reasonRequiredBy: "env=production",
      defaultExpiryMinutes: 60,
      defaultExpiryFrom: "team in (payments,search)",
      maxExpiryMinutes: 480,
      maxExpiryFrom: "env=production",
    });
  });

  it("never defaults to longer than the max another policy allows", () => {
    const policy = resolvePausePolicy([rule("env=production", { defaultExpiryMinutes: 480 }), rule("team=payments", { maxExpiryMinutes: 120 })], production);
    expect(policy).toMatchObject({ defaultExpiryMinutes: 120, defaultExpiryFrom: "team=payments", maxExpiryMinutes: 120 });
  });

  it("ignores a stored selector that no longer parses instead of matching every cluster", () => {
    expect(resolvePausePolicy([rule("env in (", { requireReason: true })], production).requireReason).toBe(false);
  });
});

describe("checking a pause against the policy", () => {
  const strict = resolvePausePolicy([rule("env=production", { requireReason: true, defaultExpiryMinutes: 240, maxExpiryMinutes: 480 })], production);

  it("refuses a pause without a reason where one is required, naming the policy", () => {
    expect(() => checkPause(strict, { reason: null, until: hoursFromNow(1) }, now)).toThrow("The pause policy for env=production requires a reason for every pause");
    expect(() => checkPause(strict, { reason: "  ", until: hoursFromNow(1) }, now)).toThrow(expect.objectContaining({ code: "pause_policy_violation" }));
  });

  it("refuses an expiry beyond the longest allowed, and accepts one at it", () => {
    expect(() => checkPause(strict, { reason: "INC-2142", until: hoursFromNow(9) }, now)).toThrow("The pause policy for env=production allows a pause of at most 8 h");
    expect(checkPause(strict, { reason: "INC-2142", until: hoursFromNow(8) }, now)).toEqual({ until: hoursFromNow(8) });
  });

  it("gives a pause without an expiry the policy's default", () => {
    expect(checkPause(strict, { reason: "INC-2142", until: null }, now)).toEqual({ until: hoursFromNow(4) });
  });

  it("refuses a pause without an expiry when there is a max but no default", () => {
    const maxOnly = resolvePausePolicy([rule("env=production", { maxExpiryMinutes: 90 })], production);
    expect(() => checkPause(maxOnly, { reason: null, until: null }, now)).toThrow("allows a pause of at most 1 h 30 min: give an expiry");
  });

  it("lets anything through where no policy applies", () => {
    const none = resolvePausePolicy([], production);
    expect(checkPause(none, { reason: null, until: null }, now)).toEqual({ until: null });
  });
});
