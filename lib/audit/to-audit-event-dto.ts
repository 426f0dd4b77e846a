import type { AuditEvent } from "../db/generated/client";
import type { AuditEventDto } from "../fleet/dto";
import type { AuditOutcome, ObjectOutcome } from "./actions";

export function toAuditEventDto(row: AuditEvent): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorName: row.actorName,
    action: row.action,
    clusterId: row.clusterId,
    clusterName: row.clusterName,
    target: row.targetKind ? { kind: row.targetKind, namespace: row.targetNamespace ?? "", name: row.targetName ?? "" } : null,
    reason: row.reason,
    before: row.before ?? null,
    after: row.after ?? null,
    outcome: row.outcome as AuditOutcome,
    results: (row.results as ObjectOutcome[] | null) ?? null,
    requestId: row.requestId,
    clientIp: row.clientIp,
  };
}
