import { addSeconds, subHours } from "date-fns";
import { db } from "../db/client";

export interface DeploymentTrigger {
  user: string;
  action: "resume" | "reconcile";
}

export interface TriggerQuery {
  clusterId: string;
  reconciler: { kind: string; namespace: string; name: string };
  source: { kind: string; namespace: string; name: string };
  /** The previous apply of this reconciler; null for its first. */
  after: Date | null;
  appliedAt: Date;
}

// A first apply has no previous one to bound the search; an action this long before it is not its cause.
const FIRST_APPLY_WINDOW_HOURS = 1;

const ACTIONS: Record<string, DeploymentTrigger["action"]> = { "autosync.enable": "resume", reconcile: "reconcile" };

/**
 * The Syncline user whose resume or reconcile brought an apply about: the latest one, on the
 * whole cluster or on the reconciler or its source, after the reconciler's previous apply and
 * before this one, that did not fail. Null when Flux applied on its own.
 */
export async function findTrigger(query: TriggerQuery): Promise<DeploymentTrigger | null> {
  const { reconciler, source } = query;
  const actions = await db().auditEvent.findMany({
    where: {
      clusterId: query.clusterId,
      actorType: { in: ["user", "cli"] },
      action: { in: Object.keys(ACTIONS) },
      // A switch records its intent (pending) before it patches anything and its completion after
      // every patch, by which time Flux may have applied already: the intent is when it acted. An
      // action without an intent is one record with its outcome.
      OR: [{ outcome: "pending" }, { intentId: null, outcome: { in: ["success", "partial"] } }],
      // Flux's times have whole seconds: an apply at 12:00:05.700 shows as 12:00:05.
      at: { gt: query.after ?? subHours(query.appliedAt, FIRST_APPLY_WINDOW_HOURS), lt: addSeconds(query.appliedAt, 1) },
      AND: [
        {
          OR: [
            { targetKind: null },
            { targetKind: reconciler.kind, targetNamespace: reconciler.namespace, targetName: reconciler.name },
            { targetKind: source.kind, targetNamespace: source.namespace, targetName: source.name },
          ],
        },
      ],
    },
    orderBy: { at: "desc" },
    take: 10,
    select: { id: true, actorName: true, action: true, outcome: true },
  });
  const intents = actions.filter((a) => a.outcome === "pending").map((a) => a.id);
  // An intent whose completion says nothing landed changed nothing; one still under way, or done, did.
  const failed = new Set(
    intents.length === 0
      ? []
      : (await db().auditEvent.findMany({ where: { intentId: { in: intents }, outcome: { notIn: ["success", "partial"] } }, select: { intentId: true } })).map((c) => c.intentId),
  );
  const event = actions.find((a) => !failed.has(a.id));
  return event ? { user: event.actorName, action: ACTIONS[event.action]! } : null;
}
