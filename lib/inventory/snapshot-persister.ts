import { db, Prisma } from "../db/client";
import { rejectsRow } from "../db/rejects-row";
import { storableText } from "../db/storable-text";
import type { ClusterHealth } from "../fleet/dto";
import type { FluxObject } from "../k8s/resources";
import { withSecretsRedacted } from "../k8s/resources/with-secrets-redacted";
import { log } from "../log/logger";
import type { ObjectChange } from "./snapshot-store";

/** A Kubernetes Event about a Flux object, as it is kept in SyncEvent. */
export interface SyncEventRow {
  clusterId: string;
  eventUid: string;
  kind: string;
  namespace: string;
  name: string;
  type: string;
  reason: string;
  message: string;
  revision: string | null;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

interface HealthRow {
  health: ClusterHealth;
  healthMessage: string | null;
  lastSeenAt: Date | null;
}

const CHUNK = 500;

/**
 * How far back a follower keeps the Events it saw. If the leader dies, the new leader writes these,
 * covering whatever the old one had not flushed; older ones the old leader surely wrote.
 */
const FOLLOWER_EVENT_WINDOW_MS = 15 * 60_000;

/**
 * Writes the store to the database behind it, so a restart shows the last-known state at
 * once. Changes are coalesced per object and flushed on a timer as single multi-row upserts:
 * a busy cluster costs one statement per flush, and replays are harmless. A flush that fails
 * (the database restarting, say) keeps its unwritten changes for the next one.
 *
 * A batch that PostgreSQL rejects for its data is split until the rows it rejects are found; the
 * others are written. A rejected row is logged once, with its key, and dropped from the queue, so
 * it never holds up later writes. NUL characters, which PostgreSQL refuses in any text, are stored
 * escaped as `\u0000` (see storableText).
 *
 * Only the leader writes (see lib/leadership). A follower keeps collecting, coalesced as ever, but
 * writes nothing; when it becomes the leader its first flush writes everything it holds, so a
 * handover leaves no gap. Every write is keyed on what Kubernetes says (object and resourceVersion,
 * Event uid and lastSeen), and an older version never overwrites a newer one, so a handover cannot
 * reorder or duplicate rows either.
 */
export class SnapshotPersister {
  private objects = new Map<string, ObjectChange>();
  private events = new Map<string, SyncEventRow>();
  private health = new Map<string, HealthRow>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private writing = true,
  ) {}

  /** Makes this persister write (the leader) or only collect (a follower). */
  setWriting(writing: boolean): Promise<void> {
    this.writing = writing;
    return writing ? this.flush() : Promise.resolve();
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  object(change: ObjectChange): void {
    this.objects.set(`${change.clusterId}/${change.kind}/${change.namespace}/${change.name}`, change);
  }

  event(row: SyncEventRow): void {
    this.events.set(`${row.clusterId}/${row.eventUid}`, row);
  }

  clusterHealth(clusterId: string, row: HealthRow): void {
    this.health.set(clusterId, row);
  }

  /** Drops pending writes for a cluster that is being removed (its rows go with it). */
  forget(clusterId: string): void {
    for (const [key, change] of this.objects) if (change.clusterId === clusterId) this.objects.delete(key);
    for (const [key, row] of this.events) if (row.clusterId === clusterId) this.events.delete(key);
    this.health.delete(clusterId);
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write()).catch((error: unknown) => log.warn({ err: error }, "inventory: persisting snapshots failed"));
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (!this.writing) return this.dropOldEvents();
    const { objects, events, health } = this;
    this.objects = new Map();
    this.events = new Map();
    this.health = new Map();
    try {
      await writeRows("FluxObjectSnapshot", objects, upsertSnapshots);
      await writeRows("SyncEvent", events, upsertEvents);
      await writeRows("Cluster", health, updateHealth);
    } catch (error) {
      // What is left goes back in the queue for the next flush, unless a newer change has taken
      // its place.
      requeue(objects, this.objects);
      requeue(events, this.events);
      requeue(health, this.health);
      throw error;
    }
  }

  private dropOldEvents(): void {
    const horizon = Date.now() - FOLLOWER_EVENT_WINDOW_MS;
    for (const [key, row] of this.events) if (row.lastSeen.getTime() < horizon) this.events.delete(key);
  }
}

/**
 * Writes the rows in chunks and deletes from `rows` each one that is done with: written, or set
 * aside because PostgreSQL rejects it. Any other failure stops here and leaves the rest in `rows`.
 */
async function writeRows<T>(table: string, rows: Map<string, T>, upsert: (entries: [string, T][]) => Promise<void>): Promise<void> {
  const entries = [...rows];
  for (let i = 0; i < entries.length; i += CHUNK) await writeChunk(table, rows, entries.slice(i, i + CHUNK), upsert);
}

async function writeChunk<T>(table: string, rows: Map<string, T>, entries: [string, T][], upsert: (entries: [string, T][]) => Promise<void>): Promise<void> {
  try {
    await upsert(entries);
  } catch (error) {
    if (!rejectsRow(error)) throw error;
    if (entries.length > 1) {
      const half = Math.ceil(entries.length / 2);
      await writeChunk(table, rows, entries.slice(0, half), upsert);
      await writeChunk(table, rows, entries.slice(half), upsert);
      return;
    }
    log.warn({ err: error, table, row: entries[0]![0] }, "inventory: the database rejects this row; it is set aside");
  }
  for (const [key] of entries) rows.delete(key);
}

function requeue<T>(unwritten: Map<string, T>, pending: Map<string, T>): void {
  for (const [key, value] of unwritten) if (!pending.has(key)) pending.set(key, value);
}

async function upsertSnapshots(entries: [string, ObjectChange][]): Promise<void> {
  const now = new Date();
  const rows = entries.map(([, change]) => {
    // Snapshots outlive the cluster's copy and are read by every role: secrets are not kept.
    const object = withSecretsRedacted(change.kind, trimmed((change.object ?? change.previous)!));
    return Prisma.sql`(gen_random_uuid(), ${change.clusterId}::uuid, ${change.kind}, ${change.namespace}, ${change.name},
      ${object.metadata.uid ?? ""}, ${object.metadata.resourceVersion ?? ""}, ${JSON.stringify(object, storableStrings)}::jsonb, ${now}::timestamptz,
      ${change.object ? null : now}::timestamptz)`;
  });
  await db().$executeRaw`
    INSERT INTO "FluxObjectSnapshot" ("id", "clusterId", "kind", "namespace", "name", "uid", "resourceVersion", "object", "observedAt", "deletedAt")
    SELECT v.* FROM (VALUES ${Prisma.join(rows)}) AS v("id", "clusterId", "kind", "namespace", "name", "uid", "resourceVersion", "object", "observedAt", "deletedAt")
    WHERE EXISTS (SELECT 1 FROM "Cluster" c WHERE c."id" = v."clusterId")
    ON CONFLICT ("clusterId", "kind", "namespace", "name") DO UPDATE SET
      "uid" = EXCLUDED."uid", "resourceVersion" = EXCLUDED."resourceVersion", "object" = EXCLUDED."object",
      "observedAt" = EXCLUDED."observedAt", "deletedAt" = EXCLUDED."deletedAt"
    -- resourceVersions are opaque to clients, but every apiserver issues etcd revisions, which
    -- only grow across a cluster; a non-numeric one is written as it comes. CASE, because
    -- PostgreSQL does not promise to evaluate OR left to right, and the cast must never see text.
    WHERE CASE WHEN "FluxObjectSnapshot"."resourceVersion" ~ '^[0-9]+$' AND EXCLUDED."resourceVersion" ~ '^[0-9]+$'
      THEN EXCLUDED."resourceVersion"::numeric >= "FluxObjectSnapshot"."resourceVersion"::numeric ELSE true END`;
}

async function upsertEvents(entries: [string, SyncEventRow][]): Promise<void> {
  const rows = entries.map(
    ([, e]) => Prisma.sql`(gen_random_uuid(), ${e.clusterId}::uuid, ${e.eventUid}, ${e.kind}, ${e.namespace}, ${e.name}, ${storableText(e.type)},
      ${storableText(e.reason)}, ${storableText(e.message)}, ${e.revision && storableText(e.revision)}, ${e.count}::int, ${e.firstSeen}::timestamptz,
      ${e.lastSeen}::timestamptz)`,
  );
  await db().$executeRaw`
    INSERT INTO "SyncEvent" ("id", "clusterId", "eventUid", "kind", "namespace", "name", "type", "reason", "message", "revision", "count", "firstSeen", "lastSeen")
    SELECT v.* FROM (VALUES ${Prisma.join(rows)}) AS v("id", "clusterId", "eventUid", "kind", "namespace", "name", "type", "reason", "message", "revision", "count", "firstSeen", "lastSeen")
    WHERE EXISTS (SELECT 1 FROM "Cluster" c WHERE c."id" = v."clusterId")
    ON CONFLICT ("clusterId", "eventUid") DO UPDATE SET
      "message" = EXCLUDED."message", "count" = EXCLUDED."count", "lastSeen" = EXCLUDED."lastSeen", "revision" = EXCLUDED."revision"
    WHERE EXCLUDED."lastSeen" >= "SyncEvent"."lastSeen"`;
}

async function updateHealth(entries: [string, HealthRow][]): Promise<void> {
  for (const [id, row] of entries) {
    await db().cluster.updateMany({ where: { id }, data: { ...row, healthMessage: row.healthMessage && storableText(row.healthMessage) } });
  }
}

function storableStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? storableText(value) : value;
}

/** managedFields are large and say nothing a Flux user needs; they are never stored or shown. */
export function trimmed(object: FluxObject): FluxObject {
  const { managedFields: _managedFields, ...metadata } = object.metadata;
  return { ...object, metadata };
}
