import { withSession } from "@/lib/api/with-session";
import { exportAuditCsv, listAuditEvents } from "@/lib/audit";
import { auditQuery } from "@/lib/schemas/audit";

export const GET = withSession(
  async ({ request }) => {
    const query = auditQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    if (query.format === "json") return Response.json(await listAuditEvents(query));
    return new Response(await exportAuditCsv(query), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="syncline-audit.csv"` },
    });
  },
  { permission: "read" },
);
