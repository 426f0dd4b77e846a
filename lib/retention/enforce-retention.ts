import { subDays, subHours } from "date-fns";
import { db, Prisma } from "../db/client";
import type { RetentionPeriod, RetentionSettings } from "./retention-settings";

export type RetentionCounts = Record<RetainedKind, number>;

export type RetainedKind =
  | "expiredSessions"
  | "endedTokens"
  | "snapshotTombstones"
  | "syncEvents"
  | "syncRecords"
  | "endedSuspensions"
  | "correctedDrift"
  | "deployments"
  | "signInCounters"
  | "silentReplicas";

export interface EnforceOptions {
  /** Rows deleted per statement; each statement is its own short transaction. */
  batchSize?: number;
  /** Stops between batches, so a shutdown need not wait for a large backlog. */
  signal?: AbortSignal;
}

interface RetainedTable {
  table: string;
  key: string;
  /** The condition a row past its retention meets, or undefined when this kind is kept forever. */
  expired(now: Date, settings: RetentionSettings): Prisma.Sql | undefined;
}

// A replica beats every few seconds, so one silent for an hour is gone. Intent recovery treats a
// missing row as it treats a stale one: its replica is dead.
const REPLICA_SILENCE_HOURS = 1;

const cutoff = (period: RetentionPeriod, now: Date) => (period === "forever" ? undefined : subDays(now, period));

const before = (column: string, period: RetentionPeriod, now: Date) => {
  const at = cutoff(period, now);
  return at && Prisma.sql`${Prisma.raw(`"${column}"`)} < ${at}::timestamptz`;
};

/**
 * Audit records are not here: the trail is append-only and hash-chained, a trigger rejects any
 * deletion, and it is kept forever (archive it with the CSV export).
 */
const retainedTables: Record<RetainedKind, RetainedTable> = {
  expiredSessions: { table: "Session", key: "id", expired: (now, settings) => before("expiresAt", settings.expiredSessions, now) },
  endedTokens: {
    table: "ApiToken",
    key: "id",
    expired(now, settings) {
      const at = cutoff(settings.endedTokens, now);
      return at && Prisma.sql`("revokedAt" < ${at}::timestamptz OR "expiresAt" < ${at}::timestamptz)`;
    },
  },
  snapshotTombstones: { table: "FluxObjectSnapshot", key: "id", expired: (now, settings) => before("deletedAt", settings.snapshotTombstones, now) },
  syncEvents: { table: "SyncEvent", key: "id", expired: (now, settings) => before("lastSeen", settings.syncEvents, now) },
  // Sync history is kept as long as the sync events, counted from Flux's own time of the step.
  syncRecords: { table: "SyncRecord", key: "id", expired: (now, settings) => before("at", settings.syncEvents, now) },
  endedSuspensions: { table: "Suspension", key: "id", expired: (now, settings) => before("endedAt", settings.endedSuspensions, now) },
  correctedDrift: { table: "DriftEpisode", key: "id", expired: (now, settings) => before("correctedAt", settings.correctedDrift, now) },
  // Their DeploymentCommit rows go with them (ON DELETE CASCADE); commits stay for the timeline.
  deployments: { table: "Deployment", key: "id", expired: (now, settings) => before("appliedAt", settings.deployments, now) },
  // An expired counter counts nothing: the throttle starts a new window over it.
  signInCounters: { table: "RateLimiterFlexible", key: "key", expired: (now) => Prisma.sql`"expire" < ${now}::timestamptz` },
  silentReplicas: { table: "Replica", key: "id", expired: (now) => Prisma.sql`"heartbeatAt" < ${subHours(now, REPLICA_SILENCE_HOURS)}::timestamptz` },
};

/**
 * Deletes every row whose retention has passed at `now` (docs/retention.md) and returns how many
 * of each kind. Rows go in bounded batches of single statements: no statement holds a lock on a
 * large table for long, and no interactive transaction is needed (PGlite rule 3).
 */
export async function enforceRetention(now: Date, settings: RetentionSettings, options: EnforceOptions = {}): Promise<RetentionCounts> {
  const batchSize = options.batchSize ?? 1_000;
  const counts = Object.fromEntries(Object.keys(retainedTables).map((kind) => [kind, 0])) as RetentionCounts;
  for (const [kind, { table, key, expired }] of Object.entries(retainedTables) as [RetainedKind, RetainedTable][]) {
    const condition = expired(now, settings);
    if (!condition) continue;
    const tableName = Prisma.raw(`"${table}"`);
    const keyName = Prisma.raw(`"${key}"`);
    for (;;) {
      if (options.signal?.aborted) return counts;
      const deleted = await db().$executeRaw`
        DELETE FROM ${tableName} WHERE ${keyName} IN (SELECT ${keyName} FROM ${tableName} WHERE ${condition} LIMIT ${batchSize})`;
      counts[kind] += deleted;
      if (deleted < batchSize) break;
    }
  }
  return counts;
}
