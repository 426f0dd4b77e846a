import { db, Prisma } from "../db/client";

/** Where a timeline's reads start and what they cover: one repository's steps and deployments on some clusters. */
export interface TimelineScope {
  repositoryId: string;
  url: string;
  clusterIds: string[];
  since: Date;
}

export interface FetchedStep {
  clusterId: string;
  revision: string;
  at: Date;
}

export interface FailedStep extends FetchedStep {
  kind: string;
  namespace: string;
  name: string;
  message: string;
  /** The reconciler's first failure in the scope, which orders the reconcilers a cluster lists. */
  firstAt: Date;
}

export interface AppliedDeployment {
  clusterId: string;
  objectKind: string;
  objectNamespace: string;
  objectName: string;
  revision: string;
  appliedAt: Date;
}

export interface DeployedReconciler {
  clusterId: string;
  objectKind: string;
  objectNamespace: string;
  objectName: string;
  firstAt: Date;
}

export interface TimelineSteps {
  fetched: FetchedStep[];
  failed: FailedStep[];
  applied: AppliedDeployment[];
  reconcilers: DeployedReconciler[];
}

const clusterIn = (clusterIds: string[]) => Prisma.join(clusterIds.map((id) => Prisma.sql`${id}::uuid`));

/**
 * The steps and deployments a timeline's cells are made of, and no more: a revision's later
 * fetches and applies never place a commit earlier than its first ones, so only the first fetch
 * and the first apply (not a rollback) of each revision on each cluster are read, and of
 * failures only each reconciler's latest on each revision. Each list is oldest first. Each
 * DISTINCT ON runs in the order of an index made for it, so no sort runs over the history.
 */
export async function readTimelineSteps(scope: TimelineScope): Promise<TimelineSteps> {
  if (scope.clusterIds.length === 0) return { fetched: [], failed: [], applied: [], reconcilers: [] };
  const clusters = clusterIn(scope.clusterIds);
  // One statement, four lists: on the embedded database every round trip queues behind the others.
  const [lists] = await db().$queryRaw<[Record<keyof TimelineSteps, Array<Record<string, string>>>]>`
    SELECT
      (SELECT coalesce(json_agg(f ORDER BY f."at"), '[]') FROM (
        SELECT DISTINCT ON ("clusterId", "revision") "clusterId", "revision", "at"
        FROM "SyncRecord"
        WHERE "sourceUrl" = ${scope.url} AND "clusterId" IN (${clusters}) AND "phase" = 'fetched' AND "at" >= ${scope.since}
        ORDER BY "clusterId", "revision", "at"
      ) f) AS "fetched",
      (SELECT coalesce(json_agg(f ORDER BY f."at"), '[]') FROM (
        SELECT DISTINCT ON ("clusterId", "kind", "namespace", "name", "revision")
          "clusterId", "kind", "namespace", "name", "revision", "message", "at",
          min("at") OVER (PARTITION BY "clusterId", "kind", "namespace", "name") AS "firstAt"
        FROM "SyncRecord"
        WHERE "sourceUrl" = ${scope.url} AND "clusterId" IN (${clusters}) AND "phase" = 'failed' AND "at" >= ${scope.since}
        ORDER BY "clusterId", "kind", "namespace", "name", "revision", "at" DESC
      ) f) AS "failed",
      (SELECT coalesce(json_agg(a ORDER BY a."appliedAt"), '[]') FROM (
        SELECT DISTINCT ON ("clusterId", "revision") "clusterId", "objectKind", "objectNamespace", "objectName", "revision", "appliedAt"
        FROM "Deployment"
        WHERE "repositoryId" = ${scope.repositoryId}::uuid AND "clusterId" IN (${clusters}) AND "change" <> 'rollback' AND "appliedAt" >= ${scope.since}
        ORDER BY "clusterId", "revision", "appliedAt"
      ) a) AS "applied",
      (SELECT coalesce(json_agg(r ORDER BY r."firstAt"), '[]') FROM (
        SELECT "clusterId", "objectKind", "objectNamespace", "objectName", min("appliedAt") AS "firstAt"
        FROM "Deployment"
        WHERE "repositoryId" = ${scope.repositoryId}::uuid AND "clusterId" IN (${clusters}) AND "appliedAt" >= ${scope.since}
        GROUP BY "clusterId", "objectKind", "objectNamespace", "objectName"
      ) r) AS "reconcilers"`;
  // JSON carries times as text.
  const dated = <T>(rows: Array<Record<string, string>>, fields: string[]): T[] =>
    rows.map((row) => ({ ...row, ...Object.fromEntries(fields.map((field) => [field, new Date(row[field]!)])) }) as T);
  return {
    fetched: dated<FetchedStep>(lists.fetched, ["at"]),
    failed: dated<FailedStep>(lists.failed, ["at", "firstAt"]),
    applied: dated<AppliedDeployment>(lists.applied, ["appliedAt"]),
    reconcilers: dated<DeployedReconciler>(lists.reconcilers, ["firstAt"]),
  };
}
