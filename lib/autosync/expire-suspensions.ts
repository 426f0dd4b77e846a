import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { log } from "../log/logger";
import { resumeCluster } from "./resume-cluster";
import { setObjectAutoSync } from "./set-object-auto-sync";

/**
 * Resumes every Syncline suspension whose expiry has passed, as the system actor (audited as
 * autosync.expire). Expiries live in the database, so they survive restarts; one that passed
 * while Syncline was down is resumed on the first tick after it starts. A suspension whose
 * cluster cannot be reached stays open and is retried on the next tick.
 */
export async function expireSuspensions(now: Date = new Date()): Promise<number> {
  const due = await db().suspension.findMany({ where: { endedAt: null, until: { lte: now } }, orderBy: { until: "asc" } });
  let resumed = 0;
  for (const suspension of due) {
    try {
      const result = suspension.kind
        ? await setObjectAutoSync(suspension.clusterId, suspension, { enabled: true }, systemActor, undefined, { expired: true })
        : await resumeCluster(suspension.clusterId, systemActor, undefined, { expired: true });
      if (result.outcome === "failure") continue;
      await db().suspension.updateMany({ where: { id: suspension.id, endedAt: null }, data: { endedAt: new Date(), endedBy: systemActor.name } });
      resumed += 1;
    } catch (error) {
      log.warn({ err: error, suspension: suspension.id }, "autosync: resuming an expired suspension failed; retrying on the next tick");
    }
  }
  return resumed;
}
