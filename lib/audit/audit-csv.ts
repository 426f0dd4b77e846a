import type { AuditEventDto } from "../fleet/dto";

const COLUMNS = ["at", "actor_type", "actor", "action", "cluster", "target", "reason", "outcome", "objects", "request_id", "client_ip"] as const;

/**
 * RFC 4180 CSV of audit records, one line per record; `objects` lists each object's outcome as
 * "Kind ns/name: outcome (message)". Cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe, since names and reasons come from users.
 */
export function auditCsv(events: AuditEventDto[]): string {
  const lines = [COLUMNS.join(",")];
  for (const e of events) {
    const target = e.target ? `${e.target.kind} ${e.target.namespace}/${e.target.name}` : "";
    const objects = (e.results ?? [])
      .map((r) => `${r.kind} ${r.namespace}/${r.name}: ${r.outcome}${r.message ? ` (${r.message})` : ""}`)
      .join("; ");
    lines.push([e.at, e.actorType, e.actorName, e.action, e.clusterName ?? "", target, e.reason ?? "", e.outcome, objects, e.requestId ?? "", e.clientIp ?? ""].map(cell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
