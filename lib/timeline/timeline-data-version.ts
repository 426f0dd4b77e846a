import { db } from "../db/client";
import type { TimelineScope } from "./read-timeline-steps";

interface VersionRow {
  version: string;
}

/**
 * A short string that changes with every write a timeline's rows depend on: a fetch or failure
 * recorded or removed for the repository (applies reach a timeline as deployments, progress never
 * does), a deployment built or its commits resolved, a commit read or enriched, a suspension
 * opened, ended or extended. Counts catch deletions (retention), the latest times catch a delete
 * and an insert between two reads. One round trip.
 */
export async function timelineDataVersion(scope: Pick<TimelineScope, "repositoryId" | "url">): Promise<string> {
  const [row] = await db().$queryRaw<VersionRow[]>`
    SELECT concat_ws('|',
      (SELECT concat_ws(',', count(*), max("recordedAt")) FROM "SyncRecord" WHERE "sourceUrl" = ${scope.url} AND "phase" IN ('fetched', 'failed')),
      (SELECT concat_ws(',', count(*), count(*) FILTER (WHERE "commitsResolved"), max("createdAt")) FROM "Deployment" WHERE "repositoryId" = ${scope.repositoryId}::uuid),
      (SELECT concat_ws(',', count(*), max("createdAt"), max("enrichedAt")) FROM "Commit" WHERE "repositoryId" = ${scope.repositoryId}::uuid),
      (SELECT concat_ws(',', count(*), max("createdAt"), max("endedAt"), max("until")) FROM "Suspension")
    ) AS "version"`;
  return row!.version;
}
