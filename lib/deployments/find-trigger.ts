import { subHours } from "date-fns";
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
  const event = await db().auditEvent.findFirst({
    where: {
      clusterId: query.clusterId,
      actorType: { in: ["user", "cli"] },
      action: { in: Object.keys(ACTIONS) },
      outcome: { in: ["success", "partial"] },
      at: { gt: query.after ?? subHours(query.appliedAt, FIRST_APPLY_WINDOW_HOURS), lte: query.appliedAt },
      OR: [
        { targetKind: null },
        { targetKind: reconciler.kind, targetNamespace: reconciler.namespace, targetName: reconciler.name },
        { targetKind: source.kind, targetNamespace: source.namespace, targetName: source.name },
      ],
    },
    orderBy: { at: "desc" },
    select: { actorName: true, action: true },
  });
  return event ? { user: event.actorName, action: ACTIONS[event.action]! } : null;
}
