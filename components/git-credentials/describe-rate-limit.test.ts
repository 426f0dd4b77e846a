import { describe, expect, it } from "vitest";
import { describeRateLimit, rateLimitLow } from "./describe-rate-limit";

const at = (hours: number, minutes: number) => new Date(2026, 11, 1, hours, minutes).toISOString();
const budget = (remaining: number, resetAt: string) => ({ limit: 5000, remaining, resetAt, observedAt: at(13, 30) });

describe("describeRateLimit", () => {
  it("says what is left of the budget and when it resets, in the browser's time zone", () => {
    expect(describeRateLimit(budget(4812, at(14, 5)), new Date(at(13, 40)))).toBe("4,812 of 5,000 left, resets 14:05");
  });

  it("names the day of a reset that is not today", () => {
    expect(describeRateLimit(budget(12, new Date(2026, 11, 2, 0, 30).toISOString()), new Date(at(23, 50)))).toBe("12 of 5,000 left, resets Dec 2, 00:30");
  });

  it("reads a budget whose reset has passed as full again", () => {
    expect(describeRateLimit(budget(3, at(14, 5)), new Date(at(14, 6)))).toBe("5,000 of 5,000 left, reset at 14:05");
  });
});

describe("rateLimitLow", () => {
  it("warns under a tenth of the budget until the reset", () => {
    expect(rateLimitLow(budget(499, at(14, 5)), new Date(at(13, 40)))).toBe(true);
    expect(rateLimitLow(budget(500, at(14, 5)), new Date(at(13, 40)))).toBe(false);
    expect(rateLimitLow(budget(0, at(14, 5)), new Date(at(14, 6)))).toBe(false);
  });
});
