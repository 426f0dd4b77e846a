import type { ObjectOutcome } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { AuditEvent } from "../db/generated/client";
import { inventory } from "../inventory";
import { defaultLeaseTiming } from "../leadership/leader-lease";
import { isKubeError } from "../k8s/kube-error";
import { modelFor, objectPath, type FluxObject } from "../k8s/resources";
import { log } from "../log/logger";
import { withdrawSuspension } from "../autosync/suspension-rows";

/**
 * Completes the audit intents of replicas that died mid-way (kill -9, a lost node): for each object
 * the intent planned to patch, reads the object back from the cluster and records whether the
 * patch landed (its annotations are there) or was never made. Runs on the leader. An intent whose
 * cluster cannot be reached now stays pending and is tried again on the next run; one whose cluster
 * was removed is completed as such.
 *
 * A replica counts as dead when its heartbeat (lib/leadership) is older than two lease periods.
 */
export async function completeInterruptedIntents(): Promise<number> {
  const stale = `${2 * defaultLeaseTiming.ttlMs} milliseconds`;
  const intents = await db().$queryRaw<AuditEvent[]>`
    SELECT * FROM "AuditEvent" i
    WHERE i."outcome" = 'pending'
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" c WHERE c."intentId" = i."id")
      AND NOT EXISTS (SELECT 1 FROM "Replica" r WHERE r."id" = i."replicaId" AND r."heartbeatAt" > now() - ${stale}::interval)
    ORDER BY i."at"`;
  let completed = 0;
  for (const intent of intents) {
    const results = await outcomesOf(intent);
    if (!results) continue;
    await recordAuditEvent({
      actor: { type: intent.actorType, id: intent.actorId, name: intent.actorName },
      action: intent.action as Parameters<typeof recordAuditEvent>[0]["action"],
      cluster: intent.clusterId && intent.clusterName ? { id: intent.clusterId, name: intent.clusterName } : undefined,
      target: intent.targetKind ? { kind: intent.targetKind, namespace: intent.targetNamespace ?? "", name: intent.targetName ?? "" } : undefined,
      reason: intent.reason,
      before: intent.before ?? undefined,
      after: intent.after ?? undefined,
      outcome: "interrupted",
      results,
      origin: { requestId: intent.requestId, clientIp: intent.clientIp },
      intentId: intent.id,
    });
    await withdrawUnusedSuspension(intent, results);
    log.warn({ intent: intent.id, action: intent.action, cluster: intent.clusterName, changed: results.filter((r) => r.outcome === "changed").length }, "recovery: completed an interrupted action");
    completed += 1;
  }
  return completed;
}

async function outcomesOf(intent: AuditEvent): Promise<ObjectOutcome[] | undefined> {
  const planned = (intent.results as ObjectOutcome[] | null) ?? [];
  const row = intent.clusterId ? await db().cluster.findUnique({ where: { id: intent.clusterId } }) : null;
  if (!row) return planned.map((p) => ({ kind: p.kind, namespace: p.namespace, name: p.name, outcome: "failed", message: "interrupted; the cluster was removed before its state could be read back" }));
  const client = inventory().actionClient(row);
  const results: ObjectOutcome[] = [];
  for (const p of planned) {
    const model = modelFor(p.kind);
    if (!model) continue;
    try {
      const object = await client.request<FluxObject>("GET", objectPath(model, p.namespace, p.name));
      const annotations = object.metadata.annotations ?? {};
      const landed = Object.entries(p.expect ?? {}).every(([key, value]) => annotations[key] === value);
      results.push({ kind: p.kind, namespace: p.namespace, name: p.name, outcome: landed ? "changed" : "unchanged", message: landed ? "changed before the interruption" : "not reached before the interruption" });
    } catch (error) {
      if (isKubeError(error) && error.status === 404) {
        results.push({ kind: p.kind, namespace: p.namespace, name: p.name, outcome: "failed", message: "interrupted; the object no longer exists" });
        continue;
      }
      log.debug({ err: error, intent: intent.id }, "recovery: cannot read the cluster yet; will try again");
      return undefined;
    }
  }
  return results;
}

/** A suspension written ahead of a switch that then changed nothing is taken back, as the switch itself would have. */
async function withdrawUnusedSuspension(intent: AuditEvent, results: ObjectOutcome[]): Promise<void> {
  if (intent.action !== "autosync.disable" || results.some((r) => r.outcome === "changed")) return;
  const suspension = await db().suspension.findFirst({ where: { intentId: intent.id, endedAt: null } });
  if (suspension) await withdrawSuspension(suspension.id, "system");
}
