import { v7 as timeOrderedId } from "uuid";
import { db } from "../db/client";
import { storableText } from "../db/storable-text";
import { log } from "../log/logger";
import type { SyncStep } from "./sync-step";

/** A step ready to be written: its cluster, and whether it was seen live or rebuilt from status. */
export type SyncRecordRow = Omit<SyncStep, "kind" | "current" | "repeatSignature"> & { kind: string; clusterId: string; reconstructed: boolean };

export interface SyncRecordWriterOptions {
  /** Rows per INSERT. */
  batchSize: number;
  /** How long rows wait to be gathered into one INSERT. */
  flushMs: number;
  /** Rows held while the database is unreachable; past it new rows are set aside and `onOverflow` rebuilds them. */
  maxPending: number;
  /** The first wait after a failed write; it doubles up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
  /** Called once the rows held are written after some were set aside: they are still in the objects' status. */
  onOverflow(): void;
}

export interface SyncRecordWriter {
  /** Queues rows; false when they were set aside because the queue is full. */
  add(rows: readonly SyncRecordRow[]): boolean;
  /** Writes everything queued now (one attempt per batch); throws when the database refuses. */
  flush(): Promise<void>;
  /** Rows queued and not yet written. */
  readonly pending: number;
  /** Stops the timer and makes a last attempt to write what is queued. */
  stop(): Promise<void>;
}

/**
 * Batches sync records into idempotent INSERTs (ON CONFLICT DO NOTHING on the unique key), so
 * a row written twice (live and rebuilt, or retried after a timeout that did commit) is one row.
 * A failed batch stays queued and is retried with backoff: a database outage loses nothing. The
 * queue is bounded; rows that do not fit are still in the objects' status, and `onOverflow` asks
 * the collector to rebuild them once the database is back.
 */
export function createSyncRecordWriter(options: Partial<SyncRecordWriterOptions> = {}): SyncRecordWriter {
  const settings: SyncRecordWriterOptions = { batchSize: 1_000, flushMs: 200, maxPending: 200_000, retryMs: 500, maxRetryMs: 30_000, onOverflow: () => undefined, ...options };
  let queue: SyncRecordRow[] = [];
  let overflowed = false;
  // Writes run one after another: two at once would write, and then drop, the same head of the queue.
  let chain: Promise<void> = Promise.resolve();
  let retryDelay = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, settings.batchSize);
      await writeBatch(batch);
      queue = queue.slice(batch.length);
    }
    if (overflowed) {
      overflowed = false;
      settings.onOverflow();
    }
  }

  function drain(): Promise<void> {
    const run = chain.then(writeAll);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(delay: number): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain()
        .then(() => {
          if (retryDelay > 0) log.info({ pending: queue.length }, "sync history: the database is back; queued records written");
          retryDelay = 0;
        })
        .catch((error: unknown) => {
          if (retryDelay === 0) log.warn({ err: error, pending: queue.length }, "sync history: writing records failed; retrying with backoff, nothing is dropped");
          retryDelay = Math.min(retryDelay === 0 ? settings.retryMs : retryDelay * 2, settings.maxRetryMs);
        })
        .finally(() => {
          if (queue.length > 0 || overflowed) schedule(retryDelay || settings.flushMs);
        });
    }, delay);
    timer.unref();
  }

  return {
    add(rows) {
      if (rows.length === 0) return true;
      if (queue.length + rows.length > settings.maxPending) {
        if (!overflowed) log.warn({ pending: queue.length }, "sync history: queue full while the database is unreachable; records will be rebuilt from status");
        overflowed = true;
        return false;
      }
      queue.push(...rows);
      schedule(retryDelay || settings.flushMs);
      return true;
    },
    flush() {
      return drain();
    },
    get pending() {
      return queue.length;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await drain().catch((error: unknown) => log.warn({ err: error, pending: queue.length }, "sync history: records left unwritten at stop; the next leader rebuilds them from status"));
    },
  };
}

/**
 * One INSERT for the batch. A Kustomization history entry dated by its own firstReconciled
 * (SyncStep.oncePerRevision) may be one Flux relabelled: that time predates the apply of the
 * revision it now names. It is left out when an apply of that revision is recorded at or after it.
 */
async function writeBatch(batch: readonly SyncRecordRow[]): Promise<void> {
  const rows = await withoutRelabelledApplies(batch);
  if (rows.length === 0) return;
  const column = <T>(value: (row: SyncRecordRow) => T) => rows.map(value);
  // Flux dates steps to the second, and two applies can fall in one: ids that grow in the order
  // rows are written keep such steps in the order they happened (lists sort by time, then id).
  // One statement whatever the batch size: a column per array. Rows of a cluster removed meanwhile
  // are left out, so they never fail, and so never hold up, the batch they are in.
  await db().$executeRaw`
    INSERT INTO "SyncRecord" ("id", "clusterId", "kind", "namespace", "name", "sourceKind", "sourceNamespace", "sourceName", "sourceUrl", "phase", "revision", "message", "at", "reconstructed")
    SELECT v.* FROM unnest(
      ${column(() => timeOrderedId())}::uuid[], ${column((r) => r.clusterId)}::uuid[], ${column((r) => r.kind)}::text[], ${column((r) => r.namespace)}::text[], ${column((r) => r.name)}::text[],
      ${column((r) => r.sourceKind)}::text[], ${column((r) => r.sourceNamespace)}::text[], ${column((r) => r.sourceName)}::text[], ${column((r) => r.sourceUrl)}::text[],
      ${column((r) => r.phase)}::"SyncPhase"[], ${column((r) => storableText(r.revision))}::text[], ${column((r) => storableText(r.message))}::text[],
      ${column((r) => r.at.toISOString())}::timestamptz[], ${column((r) => r.reconstructed)}::boolean[]
    ) AS v("id", "clusterId", "kind", "namespace", "name", "sourceKind", "sourceNamespace", "sourceName", "sourceUrl", "phase", "revision", "message", "at", "reconstructed")
    WHERE EXISTS (SELECT 1 FROM "Cluster" c WHERE c."id" = v."clusterId")
    ON CONFLICT ("clusterId", "kind", "namespace", "name", "phase", "revision", "at") DO NOTHING`;
}

const revisionKey = (row: Pick<SyncRecordRow, "clusterId" | "kind" | "namespace" | "name" | "phase" | "revision">) =>
  `${row.clusterId}/${row.kind}/${row.namespace}/${row.name}/${row.phase}/${row.revision}`;

async function withoutRelabelledApplies(batch: readonly SyncRecordRow[]): Promise<SyncRecordRow[]> {
  const once = batch.filter((row) => row.oncePerRevision);
  if (once.length === 0) return [...batch];
  const latest = new Map<string, number>();
  const note = (row: Pick<SyncRecordRow, "clusterId" | "kind" | "namespace" | "name" | "phase" | "revision" | "at">) => {
    const key = revisionKey(row);
    latest.set(key, Math.max(latest.get(key) ?? -Infinity, row.at.getTime()));
  };
  for (const row of batch) if (!row.oncePerRevision) note(row);
  const recorded = await db().syncRecord.findMany({
    where: { OR: once.map((row) => ({ clusterId: row.clusterId, kind: row.kind, namespace: row.namespace, name: row.name, phase: row.phase, revision: row.revision, at: { gte: row.at } })) },
    select: { clusterId: true, kind: true, namespace: true, name: true, phase: true, revision: true, at: true },
  });
  for (const row of recorded) note(row);
  const kept: SyncRecordRow[] = [];
  for (const row of batch) {
    if (row.oncePerRevision) {
      if ((latest.get(revisionKey(row)) ?? -Infinity) >= row.at.getTime()) continue;
      note(row);
    }
    kept.push(row);
  }
  return kept;
}
