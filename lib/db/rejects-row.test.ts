import { describe, expect, it } from "vitest";
import { rejectsRow } from "./rejects-row";

const failedWith = (originalCode: string) => ({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode } } } });

describe("rejectsRow", () => {
  it("blames the rows for data exceptions and constraint violations", () => {
    expect(rejectsRow(failedWith("22021"))).toBe(true);
    expect(rejectsRow(failedWith("22003"))).toBe(true);
    expect(rejectsRow(failedWith("23505"))).toBe(true);
  });

  it("does not blame the rows for an outage, a missing table or an unknown error", () => {
    expect(rejectsRow(failedWith("08006"))).toBe(false);
    expect(rejectsRow(failedWith("42P01"))).toBe(false);
    expect(rejectsRow(failedWith("57P01"))).toBe(false);
    expect(rejectsRow(new Error("Can't reach database server"))).toBe(false);
    expect(rejectsRow(undefined)).toBe(false);
  });
});
