import { db, Prisma } from "../db/client";
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
 * Writes the store to the database behind it, so a restart shows the last-known state at
 * once. Changes are coalesced per object and flushed on a timer as single multi-row upserts:
 * a busy cluster costs one statement per flush, and replays are harmless. A flush that fails
 * (the database restarting, say) keeps its changes for the next one.
 */
export class SnapshotPersister {
  private objects = new Map<string, ObjectChange>();
  private events = new Map<string, SyncEventRow>();
  private health = new Map<string, HealthRow>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly intervalMs: number) {}

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
    const { objects, events, health } = this;
    this.objects = new Map();
    this.events = new Map();
    this.health = new Map();
    try {
      const objectRows = [...objects.values()];
      const eventRows = [...events.values()];
      for (let i = 0; i < objectRows.length; i += CHUNK) await upsertSnapshots(objectRows.slice(i, i + CHUNK));
      for (let i = 0; i < eventRows.length; i += CHUNK) await upsertEvents(eventRows.slice(i, i + CHUNK));
      for (const [id, row] of health) await db().cluster.updateMany({ where: { id }, data: row });
    } catch (error) {
      // Back in the queue for the next flush, unless a newer change has taken its place. Chunks
      // that did land are upserted again, which is harmless.
      requeue(objects, this.objects);
      requeue(events, this.events);
      requeue(health, this.health);
      throw error;
    }
  }
}

function requeue<T>(unwritten: Map<string, T>, pending: Map<string, T>): void {
  for (const [key, value] of unwritten) if (!pending.has(key)) pending.set(key, value);
}

async function upsertSnapshots(changes: ObjectChange[]): Promise<void> {
  const now = new Date();
  const rows = changes.map((change) => {
    // Snapshots outlive the cluster's copy and are read by every role: secrets are not kept.
    const object = withSecretsRedacted(change.kind, trimmed((change.object ?? change.previous)!));
    return Prisma.sql`(gen_random_uuid(), ${change.clusterId}::uuid, ${change.kind}, ${change.namespace}, ${change.name},
      ${object.metadata.uid ?? ""}, ${object.metadata.resourceVersion ?? ""}, ${JSON.stringify(object)}::jsonb, ${now}::timestamptz,
      ${change.object ? null : now}::timestamptz)`;
  });
  await db().$executeRaw`
    INSERT INTO "FluxObjectSnapshot" ("id", "clusterId", "kind", "namespace", "name", "uid", "resourceVersion", "object", "observedAt", "deletedAt")
    SELECT v.* FROM (VALUES ${Prisma.join(rows)}) AS v("id", "clusterId", "kind", "namespace", "name", "uid", "resourceVersion", "object", "observedAt", "deletedAt")
    WHERE EXISTS (SELECT 1 FROM "Cluster" c WHERE c."id" = v."clusterId")
    ON CONFLICT ("clusterId", "kind", "namespace", "name") DO UPDATE SET
      "uid" = EXCLUDED."uid", "resourceVersion" = EXCLUDED."resourceVersion", "object" = EXCLUDED."object",
      "observedAt" = EXCLUDED."observedAt", "deletedAt" = EXCLUDED."deletedAt"`;
}

async function upsertEvents(events: SyncEventRow[]): Promise<void> {
  const rows = events.map(
    (e) => Prisma.sql`(gen_random_uuid(), ${e.clusterId}::uuid, ${e.eventUid}, ${e.kind}, ${e.namespace}, ${e.name}, ${e.type}, ${e.reason},
      ${e.message}, ${e.revision}, ${e.count}::int, ${e.firstSeen}::timestamptz, ${e.lastSeen}::timestamptz)`,
  );
  await db().$executeRaw`
    INSERT INTO "SyncEvent" ("id", "clusterId", "eventUid", "kind", "namespace", "name", "type", "reason", "message", "revision", "count", "firstSeen", "lastSeen")
    SELECT v.* FROM (VALUES ${Prisma.join(rows)}) AS v("id", "clusterId", "eventUid", "kind", "namespace", "name", "type", "reason", "message", "revision", "count", "firstSeen", "lastSeen")
    WHERE EXISTS (SELECT 1 FROM "Cluster" c WHERE c."id" = v."clusterId")
    ON CONFLICT ("clusterId", "eventUid") DO UPDATE SET
      "message" = EXCLUDED."message", "count" = EXCLUDED."count", "lastSeen" = EXCLUDED."lastSeen", "revision" = EXCLUDED."revision"`;
}

/** managedFields are large and say nothing a Flux user needs; they are never stored or shown. */
export function trimmed(object: FluxObject): FluxObject {
  const { managedFields: _managedFields, ...metadata } = object.metadata;
  return { ...object, metadata };
}
