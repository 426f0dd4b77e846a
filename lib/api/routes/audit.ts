import { auditEventPage } from "../../fleet/dto";
import { auditQuery } from "../../schemas/audit";
import { csvBody, declareRoute } from "../declare-route";

export const listAuditEventsRoute = declareRoute({
  method: "get",
  path: "/api/audit",
  summary: "The audit trail, newest first (format=csv for a CSV export)",
  permission: "read",
  query: auditQuery,
  response: [auditEventPage, csvBody],
});

export const auditRoutes = [listAuditEventsRoute];
