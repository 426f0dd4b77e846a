import type { Actor } from "../auth/actor";
import { db, type Prisma } from "../db/client";
import type { AuditAction, AuditOutcome, ObjectOutcome } from "./actions";
import { replicaId } from "../leadership/replica-id";
import { auditChainKey } from "./audit-chain-key";

export interface RequestOrigin {
  requestId: string | null;
  clientIp: string | null;
}

/** Who a record names: an Actor, or the one an interrupted intent named, read back from its record. */
export type AuditedActor = Pick<Actor, "type" | "name"> & { id?: string | null };

export interface AuditEventInput {
  actor: AuditedActor;
  action: AuditAction;
  cluster?: { id: string; name: string };
  target?: { kind: string; namespace: string; name: string };
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  results?: ObjectOutcome[];
  origin?: RequestOrigin;
  /** On a completion: the intent it completes. */
  intentId?: string;
}

/**
 * The one audit writer. Records are append-only; the database rejects any later change. A
 * trigger links each record into the hash chain: the chain key travels as the insert's `hash`,
 * which the trigger replaces with the link, so the write stays a single statement.
 */
export async function recordAuditEvent(input: AuditEventInput): Promise<{ id: string }> {
  return db().auditEvent.create({
    select: { id: true },
    data: {
      actorType: input.actor.type,
      actorId: input.actor.type === "user" ? (input.actor.id ?? null) : null,
      actorName: input.actor.name,
      action: input.action,
      clusterId: input.cluster?.id ?? null,
      clusterName: input.cluster?.name ?? null,
      targetKind: input.target?.kind ?? null,
      targetNamespace: input.target?.namespace ?? null,
      targetName: input.target?.name ?? null,
      reason: input.reason ?? null,
      before: asJson(input.before),
      after: asJson(input.after),
      outcome: input.outcome,
      results: asJson(input.results),
      requestId: input.origin?.requestId ?? null,
      clientIp: input.origin?.clientIp ?? null,
      intentId: input.intentId ?? null,
      replicaId: input.outcome === "pending" ? replicaId() : null,
      hash: auditChainKey().toString("hex"),
    },
  });
}

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
