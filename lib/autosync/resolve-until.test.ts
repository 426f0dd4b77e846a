import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { resolveUntil } from "./resolve-until";

const now = new Date("2026-11-26T12:00:00Z");

describe("suspension expiry", () => {
  it("no expiry means the suspension lasts until someone resumes it", () => {
    expect(resolveUntil(undefined, now)).toBeNull();
  });

  it("accepts a future time with any offset", () => {
    expect(resolveUntil("2026-11-26T14:30:00+01:00", now)?.toISOString()).toBe("2026-11-26T13:30:00.000Z");
  });

  it("refuses an expiry in the past or right now with validation_failed (422)", () => {
    for (const until of ["2026-11-26T11:59:59Z", "2026-11-26T12:00:00Z"]) {
      const error = (() => {
        try {
          resolveUntil(until, now);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation_failed");
      expect((error as AppError).status).toBe(422);
    }
  });
});
