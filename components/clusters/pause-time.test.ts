import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { absoluteTime, relativeAndAbsoluteTime } from "./pause-time";

// Node re-reads TZ when it changes: each case runs in the browser zone it names.
const originalZone = process.env.TZ;
const inZone = (zone: string) => {
  process.env.TZ = zone;
};

describe("pause times", () => {
  beforeEach(() => inZone("Europe/Berlin"));
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  const now = Date.parse("2026-12-01T17:30:00Z");

  it("says how long until a pause ends and exactly when, in the browser's zone with its name", () => {
    expect(relativeAndAbsoluteTime("2026-12-01T20:30:00Z", now)).toBe("in 3 hours · Tue 1 Dec, 21:30 CET");
  });

  it("says how long ago a pause began", () => {
    expect(relativeAndAbsoluteTime("2026-12-01T17:20:00Z", now)).toBe("10 minutes ago · Tue 1 Dec, 18:20 CET");
  });

  it("names the zone the browser is in, and the year when it is not this one", () => {
    inZone("America/New_York");
    expect(absoluteTime("2027-01-05T14:00:00Z", now)).toBe("Tue 5 Jan 2027, 09:00 EST");
    inZone("UTC");
    expect(absoluteTime("2026-12-01T20:30:00Z", now)).toBe("Tue 1 Dec, 20:30 UTC");
  });

  it("falls back to the offset where no short name exists", () => {
    inZone("Asia/Kolkata");
    expect(absoluteTime("2026-12-01T20:30:00Z", now)).toBe("Wed 2 Dec, 02:00 GMT+5:30");
  });
});
