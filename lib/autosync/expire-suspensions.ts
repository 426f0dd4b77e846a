import { addMilliseconds } from "date-fns";
import { systemActor } from "../auth/actor";
import { db } from "../db/client";
import { log } from "../log/logger";
import { resumeCluster } from "./resume-cluster";
import { setObjectAutoSync } from "./set-object-auto-sync";

const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = 60 * 60_000;

/**
 * Resumes every Syncline suspension whose expiry has passed, as the system actor (audited as
 * autosync.expire). Expiries live in the database, so they survive restarts; one that passed
 * while Syncline was down is resumed on the first tick after it starts. A suspension that could
 * not be fully lifted (an unreachable cluster, a forbidden object) stays open and is retried after
 * 30 s, doubling up to an hour, so a long outage adds a few audit records rather than one a tick.
 * A suspension whose switch is still in progress, or was interrupted and not yet completed by
 * recovery, waits: the trail must record the switch before its expiry.
 */
export async function expireSuspensions(now: Date = new Date()): Promise<number> {
  const due = await db().suspension.findMany({
    where: { endedAt: null, until: { lte: now }, OR: [{ retryAt: null }, { retryAt: { lte: now } }] },
    orderBy: { until: "asc" },
  });
  const intents = due.flatMap((s) => (s.intentId ? [s.intentId] : []));
  const completed = new Set((await db().auditEvent.findMany({ where: { intentId: { in: intents } }, select: { intentId: true } })).map((r) => r.intentId));
  let resumed = 0;
  for (const suspension of due) {
    if (suspension.intentId && !completed.has(suspension.intentId)) continue;
    let lifted = false;
    try {
      const result = suspension.kind
        ? await setObjectAutoSync(suspension.clusterId, suspension, { enabled: true }, systemActor, undefined, { expired: true })
        : await resumeCluster(suspension.clusterId, systemActor, undefined, { expired: true });
      lifted = result.outcome === "success";
    } catch (error) {
      log.warn({ err: error, suspension: suspension.id }, "autosync: resuming an expired suspension failed");
    }
    if (lifted) {
      await db().suspension.updateMany({ where: { id: suspension.id, endedAt: null }, data: { endedAt: new Date(), endedBy: systemActor.name } });
      resumed += 1;
    } else {
      const retryIn = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** suspension.attempts);
      // updateMany: the cluster may have been removed meanwhile, taking the row with it.
      await db().suspension.updateMany({ where: { id: suspension.id, endedAt: null }, data: { attempts: { increment: 1 }, retryAt: addMilliseconds(now, retryIn) } });
    }
  }
  return resumed;
}
