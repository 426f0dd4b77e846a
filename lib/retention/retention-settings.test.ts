import { describe, expect, it } from "vitest";
import { retentionSettingsFromEnv } from "./retention-settings";

describe("retention settings", () => {
  it("take a whole number of days, or forever, for each kind", () => {
    const settings = retentionSettingsFromEnv({
      SYNCLINE_RETAIN_EXPIRED_SESSIONS_DAYS: "1",
      SYNCLINE_RETAIN_ENDED_TOKENS_DAYS: "forever",
      SYNCLINE_RETAIN_SNAPSHOT_TOMBSTONES_DAYS: " 14 ",
      SYNCLINE_RETAIN_SYNC_EVENTS_DAYS: "365",
      SYNCLINE_RETAIN_ENDED_SUSPENSIONS_DAYS: "36500",
      SYNCLINE_RETAIN_CORRECTED_DRIFT_DAYS: "60",
      SYNCLINE_RETAIN_DEPLOYMENTS_DAYS: "400",
      SYNCLINE_RETENTION_TICK_MS: "60000",
    });
    expect(settings).toEqual({ expiredSessions: 1, endedTokens: "forever", snapshotTombstones: 14, syncEvents: 365, endedSuspensions: 36_500, correctedDrift: 60, deployments: 400, tickMs: 60_000 });
  });

  it("treat an empty variable as unset", () => {
    expect(retentionSettingsFromEnv({ SYNCLINE_RETAIN_SYNC_EVENTS_DAYS: "", SYNCLINE_RETENTION_TICK_MS: "" })).toMatchObject({ syncEvents: 180, tickMs: 3_600_000 });
  });

  it.each(["0", "-3", "1.5", "90d", "never", "FOREVER", "36501", "1e3"])("refuse %j as a number of days, naming the variable", (given) => {
    expect(() => retentionSettingsFromEnv({ SYNCLINE_RETAIN_SYNC_EVENTS_DAYS: given })).toThrow(
      `SYNCLINE_RETAIN_SYNC_EVENTS_DAYS=${JSON.stringify(given)} must be a whole number of days from 1 to 36500, or "forever"`,
    );
  });

  it.each(["0", "-1", "abc", "2.5"])("refuse %j as a tick, naming the variable", (given) => {
    expect(() => retentionSettingsFromEnv({ SYNCLINE_RETENTION_TICK_MS: given })).toThrow(`SYNCLINE_RETENTION_TICK_MS=${JSON.stringify(given)} must be a whole number of milliseconds`);
  });

  it("name every bad variable at once", () => {
    expect(() => retentionSettingsFromEnv({ SYNCLINE_RETAIN_EXPIRED_SESSIONS_DAYS: "0", SYNCLINE_RETAIN_ENDED_TOKENS_DAYS: "x" })).toThrow(
      /SYNCLINE_RETAIN_EXPIRED_SESSIONS_DAYS="0".*; SYNCLINE_RETAIN_ENDED_TOKENS_DAYS="x"/,
    );
  });
});
