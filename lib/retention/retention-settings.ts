import { z } from "zod";

/** How many days a row outlives the moment it stopped mattering, or "forever" to keep it. */
export type RetentionPeriod = number | "forever";

export interface RetentionSettings {
  /** Sessions, counted from their expiry. */
  expiredSessions: RetentionPeriod;
  /** API tokens, counted from their revocation or expiry, whichever came first. */
  endedTokens: RetentionPeriod;
  /** Snapshots of Flux objects deleted from their cluster, counted from the deletion. */
  snapshotTombstones: RetentionPeriod;
  /** Sync events, counted from the last time Kubernetes reported them, and sync history (SyncRecord), counted from the step's time. */
  syncEvents: RetentionPeriod;
  /** Suspensions, counted from their end. */
  endedSuspensions: RetentionPeriod;
  /** Drift episodes, counted from their correction; open ones are kept. */
  correctedDrift: RetentionPeriod;
  /** Deployments (with their commit links), counted from the apply. */
  deployments: RetentionPeriod;
  /** How often the leader enforces retention. */
  tickMs: number;
}

// A century: beyond it a cut-off date leaves the range dates can hold.
const MAX_DAYS = 36_500;
const PERIOD_RULE = `must be a whole number of days from 1 to ${MAX_DAYS}, or "forever" to keep every row ("0" is refused: it could mean either)`;

const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const retentionPeriod = (fallback: RetentionPeriod) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .regex(/^(forever|[1-9][0-9]*)$/, PERIOD_RULE)
      .transform((given): RetentionPeriod => (given === "forever" ? "forever" : Number(given)))
      .refine((period) => period === "forever" || period <= MAX_DAYS, PERIOD_RULE)
      .default(fallback),
  );

const TICK_RULE = "must be a whole number of milliseconds of at least 1";
const tickMs = z.preprocess(unsetIfEmpty, z.coerce.number({ error: TICK_RULE }).int(TICK_RULE).min(1, TICK_RULE).default(60 * 60_000));

const retentionEnv = z.object({
  SYNCLINE_RETAIN_EXPIRED_SESSIONS_DAYS: retentionPeriod(7),
  SYNCLINE_RETAIN_ENDED_TOKENS_DAYS: retentionPeriod(90),
  SYNCLINE_RETAIN_SNAPSHOT_TOMBSTONES_DAYS: retentionPeriod(30),
  SYNCLINE_RETAIN_SYNC_EVENTS_DAYS: retentionPeriod(180),
  SYNCLINE_RETAIN_ENDED_SUSPENSIONS_DAYS: retentionPeriod(180),
  SYNCLINE_RETAIN_CORRECTED_DRIFT_DAYS: retentionPeriod(180),
  SYNCLINE_RETAIN_DEPLOYMENTS_DAYS: retentionPeriod(365),
  SYNCLINE_RETENTION_TICK_MS: tickMs,
});

/**
 * The retention settings (docs/retention.md). Throws one error naming every variable that holds
 * a bad value, so a typo stops the start instead of deleting on a period nobody chose.
 */
export function retentionSettingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): RetentionSettings {
  const parsed = retentionEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name])} ${issue.message}`;
    });
    throw new Error(`Invalid retention setting: ${problems.join("; ")}`);
  }
  const settings = parsed.data;
  return {
    expiredSessions: settings.SYNCLINE_RETAIN_EXPIRED_SESSIONS_DAYS,
    endedTokens: settings.SYNCLINE_RETAIN_ENDED_TOKENS_DAYS,
    snapshotTombstones: settings.SYNCLINE_RETAIN_SNAPSHOT_TOMBSTONES_DAYS,
    syncEvents: settings.SYNCLINE_RETAIN_SYNC_EVENTS_DAYS,
    endedSuspensions: settings.SYNCLINE_RETAIN_ENDED_SUSPENSIONS_DAYS,
    correctedDrift: settings.SYNCLINE_RETAIN_CORRECTED_DRIFT_DAYS,
    deployments: settings.SYNCLINE_RETAIN_DEPLOYMENTS_DAYS,
    tickMs: settings.SYNCLINE_RETENTION_TICK_MS,
  };
}
