import { describe, expect, it } from "vitest";
import type { DriftSummary } from "@/lib/schemas/drift";
import { driftRank } from "./drift-rank";

const summary = (overrides: Partial<DriftSummary>): DriftSummary => ({
  clusterId: "00000000-0000-4000-8000-000000000000",
  state: "drifted",
  drifted: 0,
  total: 100,
  handChanges: 0,
  behind: 0,
  computedAt: "2026-12-01T10:00:00Z",
  stale: false,
  staleReason: null,
  computing: false,
  ...overrides,
});

describe("sorting clusters by drift", () => {
  it("puts the most drifted cluster first, then unknown ones, then those in sync", () => {
    const clusters = {
      inSync: summary({ state: "in-sync" }),
      down: summary({ state: "in-sync", stale: true, staleReason: "unreachable" }),
      unknown: summary({ state: "unknown" }),
      little: summary({ drifted: 1, handChanges: 1 }),
      much: summary({ drifted: 7 }),
      behindOnly: summary({ drifted: 0, behind: 3 }),
    };
    const order = Object.entries(clusters)
      .sort(([, a], [, b]) => driftRank(b) - driftRank(a))
      .map(([name]) => name);
    expect(order.slice(0, 3)).toEqual(["much", "little", "behindOnly"]);
    expect(order.slice(3, 5).sort()).toEqual(["down", "unknown"]);
    expect(order[5]).toBe("inSync");
  });
});
