import { describe, expect, it } from "vitest";
import { formatLeadTime } from "./format-lead-time";

describe("formatLeadTime", () => {
  it("names seconds, minutes, hours and days with the next unit down when it matters", () => {
    expect(formatLeadTime(45)).toBe("45s");
    expect(formatLeadTime(12 * 60 + 30)).toBe("12m");
    expect(formatLeadTime(3 * 3600 + 5 * 60)).toBe("3h 5m");
    expect(formatLeadTime(2 * 3600)).toBe("2h");
    expect(formatLeadTime(2 * 86_400 + 4 * 3600 + 59)).toBe("2d 4h");
    expect(formatLeadTime(86_400)).toBe("1d");
  });

  it("shows a commit dated after its apply (a skewed clock) as 0s rather than a negative time", () => {
    expect(formatLeadTime(-30)).toBe("0s");
  });
});
