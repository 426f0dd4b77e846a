import { z } from "zod";
import { permissionRoles } from "../auth/permissions";
import { errorCodes } from "../errors/app-error";
import { routes, type RouteSpec } from "./routes";

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string", enum: Object.keys(errorCodes) }, message: { type: "string" }, details: {} },
    },
  },
};

let cached: JsonSchema | undefined;

/** The OpenAPI 3.1 document, built from the route table and the same zod schemas that validate input. */
export function openApiDocument(): JsonSchema {
  cached ??= build();
  return cached;
}

function build(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: { title: "Syncline API", version: "1", description: "Flux CD across many clusters. Authenticate with a session cookie or `Authorization: Bearer <token>`." },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "syncline_session" } },
      schemas: { Error: errorSchema },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}

function operation(route: RouteSpec): Record<string, unknown> {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const queryParams = route.query ? queryParameters(route.query) : [];
  const role = route.permission ? permissionRoles[route.permission] : undefined;
  const status = String(route.status ?? 200);
  const errorResponse = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return {
    summary: route.summary,
    ...(role ? { description: `Requires the ${role} role (${route.permission}).` } : {}),
    parameters: [...pathParams, ...queryParams],
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(route.body) } } } } : {}),
    responses: {
      [status]: { description: `${route.returns} (see lib/fleet/dto.ts)`, content: { [route.path === "/api/events" ? "text/event-stream" : "application/json"]: {} } },
      "4XX": errorResponse,
      "5XX": errorResponse,
    },
  };
}

function queryParameters(schema: z.ZodObject): Array<Record<string, unknown>> {
  const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: property }));
}

function toSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}
