import { db } from "../db/client";
import type { Suspension } from "../db/generated/client";

export interface SuspensionScope {
  clusterId: string;
  /** Empty for a whole-cluster suspension. */
  kind: string;
  namespace: string;
  name: string;
}

export const wholeCluster = (clusterId: string): SuspensionScope => ({ clusterId, kind: "", namespace: "", name: "" });

/**
 * Opens a suspension and ends the one it replaces (same scope) in a single statement, so there
 * is never a moment with both or neither, on either database. It is written before any object is
 * touched, so its expiry fires even if the process dies half-way through the switch.
 */
export async function openSuspension(scope: SuspensionScope, suspension: { actor: string; reason: string | null; until: Date | null; intentId: string }): Promise<string> {
  const [row] = await db().$queryRaw<{ id: string }[]>`
    WITH created AS (
      INSERT INTO "Suspension" ("id", "clusterId", "kind", "namespace", "name", "actor", "reason", "until", "intentId", "createdAt")
      VALUES (gen_random_uuid(), ${scope.clusterId}::uuid, ${scope.kind}, ${scope.namespace}, ${scope.name}, ${suspension.actor}, ${suspension.reason},
        ${suspension.until}::timestamptz, ${suspension.intentId}::uuid, now())
      RETURNING "id"
    ), superseded AS (
      UPDATE "Suspension" SET "endedAt" = now(), "endedBy" = ${suspension.actor}, "supersededById" = (SELECT "id" FROM created)
      WHERE "clusterId" = ${scope.clusterId}::uuid AND "kind" = ${scope.kind} AND "namespace" = ${scope.namespace} AND "name" = ${scope.name} AND "endedAt" IS NULL
      RETURNING "id"
    )
    SELECT "id"::text AS "id" FROM created`;
  return row!.id;
}

/**
 * Takes back a suspension whose switch changed nothing on the cluster, and gives back the one it
 * had replaced, whose objects still carry its annotations and expiry. One statement.
 */
export async function withdrawSuspension(id: string, actor: string): Promise<void> {
  await db().$executeRaw`
    WITH withdrawn AS (
      UPDATE "Suspension" SET "endedAt" = now(), "endedBy" = ${actor} WHERE "id" = ${id}::uuid AND "endedAt" IS NULL RETURNING "id"
    )
    UPDATE "Suspension" SET "endedAt" = NULL, "endedBy" = NULL, "supersededById" = NULL
    WHERE "supersededById" = ${id}::uuid AND "supersededById" IN (SELECT "id" FROM withdrawn)`;
}

/** Ends the open suspensions of one scope (whole cluster, or one object). */
export async function endSuspensions(scope: SuspensionScope, actor: string): Promise<void> {
  await db().suspension.updateMany({ where: { ...scope, endedAt: null }, data: { endedAt: new Date(), endedBy: actor } });
}

/** The cluster's open per-object suspensions, by "Kind/namespace/name". */
export async function openObjectSuspensions(clusterId: string): Promise<Map<string, Suspension>> {
  const rows = await db().suspension.findMany({ where: { clusterId, endedAt: null, NOT: { kind: "" } } });
  return new Map(rows.map((row) => [objectKey(row), row]));
}

export async function openClusterSuspension(clusterId: string): Promise<Suspension | null> {
  return db().suspension.findFirst({ where: { ...wholeCluster(clusterId), endedAt: null }, orderBy: { createdAt: "desc" } });
}

export function objectKey(ref: { kind: string; namespace: string; name: string }): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}
