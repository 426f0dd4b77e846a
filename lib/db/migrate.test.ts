import { describe, expect, it } from "vitest";
import { planMigrations, type AppliedRow, type Migration } from "./migrate";

const migration = (name: string, checksum = `sum-${name}`): Migration => ({ name, sql: "", checksum });
const applied = (name: string, extra: Partial<AppliedRow> = {}): AppliedRow => ({
  migration_name: name,
  checksum: `sum-${name}`,
  finished_at: new Date(),
  rolled_back_at: null,
  ...extra,
});

describe("planning migrations", () => {
  it("applies the committed migrations the database lacks, in name order", () => {
    expect(planMigrations([migration("1_a"), migration("2_b"), migration("3_c")], [applied("1_a")]).map((m) => m.name)).toEqual(["2_b", "3_c"]);
  });

  it("re-applies a migration that was rolled back", () => {
    expect(planMigrations([migration("1_a")], [applied("1_a", { rolled_back_at: new Date() })]).map((m) => m.name)).toEqual(["1_a"]);
  });

  it("stops at a migration that failed earlier", () => {
    expect(() => planMigrations([migration("1_a")], [applied("1_a", { finished_at: null })])).toThrow(/failed earlier/);
  });

  it("refuses a migration edited after it was applied", () => {
    expect(() => planMigrations([migration("1_a", "changed")], [applied("1_a")])).toThrow(/edited after it was applied/);
  });
});
