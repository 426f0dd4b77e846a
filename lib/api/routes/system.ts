import { z } from "zod";
import { declareRoute } from "../declare-route";

export const healthRoute = declareRoute({
  method: "get",
  path: "/api/healthz",
  summary: "Liveness: the process answers",
  auth: "none",
  response: z.object({ status: z.literal("ok") }),
});

export const readinessRoute = declareRoute({
  method: "get",
  path: "/api/readyz",
  summary: "Readiness: the database answers and every migration is applied (503 with the same body otherwise)",
  auth: "none",
  response: z.object({
    ready: z.boolean(),
    database: z.enum(["ok", "unreachable"]),
    pendingMigrations: z.array(z.string()),
    message: z.string().optional(),
  }),
  alsoAnswers: [503],
});

export const openApiRoute = declareRoute({
  method: "get",
  path: "/api/openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  auth: "none",
  response: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
});

export const systemRoutes = [healthRoute, readinessRoute, openApiRoute];
