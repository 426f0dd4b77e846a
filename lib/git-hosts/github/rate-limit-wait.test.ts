import { describe, expect, it } from "vitest";
import { readRateLimit } from "./read-rate-limit";
import { rateLimitWait } from "./rate-limit-wait";

const now = Date.parse("2026-03-02T12:00:00Z");
const inSeconds = (seconds: number) => String(now / 1000 + seconds);

describe("rateLimitWait", () => {
  it("waits until the reset when the primary budget is spent", () => {
    expect(rateLimitWait(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": inSeconds(90) }, "API rate limit exceeded", now)).toBe(90_000);
    expect(rateLimitWait(429, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": inSeconds(5) }, "", now)).toBe(5_000);
  });

  it("never waits a negative time for a reset already past", () => {
    expect(rateLimitWait(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": inSeconds(-10) }, "", now)).toBe(0);
  });

  it("follows retry-after first, as GitHub asks for secondary limits", () => {
    expect(rateLimitWait(403, { "retry-after": "30", "x-ratelimit-remaining": "0", "x-ratelimit-reset": inSeconds(900) }, "", now)).toBe(30_000);
  });

  it("waits a minute for a secondary limit that names no time", () => {
    expect(rateLimitWait(403, { "x-ratelimit-remaining": "4000" }, "You have exceeded a secondary rate limit", now)).toBe(60_000);
  });

  it("does not wait on a 403 about permissions or on other statuses", () => {
    expect(rateLimitWait(403, { "x-ratelimit-remaining": "4000", "x-ratelimit-reset": inSeconds(60) }, "Resource not accessible by integration", now)).toBeUndefined();
    expect(rateLimitWait(404, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": inSeconds(60) }, "", now)).toBeUndefined();
  });
});

describe("readRateLimit", () => {
  it("reads the budget from GitHub's headers", () => {
    expect(readRateLimit({ "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4321", "x-ratelimit-used": "679", "x-ratelimit-reset": inSeconds(600), "x-ratelimit-resource": "core" })).toEqual({
      limit: 5000,
      remaining: 4321,
      used: 679,
      resetAt: new Date(now + 600_000),
      resource: "core",
    });
  });

  it("is undefined where a server states no limits (GitHub Enterprise with rate limiting off)", () => {
    expect(readRateLimit({ "content-type": "application/json" })).toBeUndefined();
  });
});
