import { listAuditEventsRoute } from "@/lib/api/routes/audit";
import { withSession } from "@/lib/api/with-session";
import { exportAuditCsv, listAuditEvents } from "@/lib/audit";

export const GET = withSession(listAuditEventsRoute, async ({ query }) => {
  if (query.format === "json") return Response.json(await listAuditEvents(query));
  return new Response(await exportAuditCsv(query), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="syncline-audit.csv"` },
  });
});
