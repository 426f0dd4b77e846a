import type { AuditQuery } from "../schemas/audit";
import { auditCsv } from "./audit-csv";
import { listAuditEvents } from "./list-audit-events";

/** Every record matching the filters (paging ignored), up to a bound that keeps one response sane. */
export const CSV_MAX_ROWS = 50_000;

export async function exportAuditCsv(query: AuditQuery = {}): Promise<string> {
  const events = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ ...query, cursor, limit: 500 });
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && events.length < CSV_MAX_ROWS);
  return auditCsv(events.slice(0, CSV_MAX_ROWS));
}
