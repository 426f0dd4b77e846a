import { z } from "zod";
import { declareRoute, eventStreamBody } from "../declare-route";

export const fleetEventsRoute = declareRoute({
  method: "get",
  path: "/api/events",
  summary: "Server-sent FleetEvents (event: <type>, data: <json>); ?cluster=<id> filters",
  permission: "read",
  query: z.object({ cluster: z.uuid().optional() }),
  response: eventStreamBody,
});

export const eventRoutes = [fleetEventsRoute];
