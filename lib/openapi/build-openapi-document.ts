import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { isTextBody, permissionOf, type ResponseBody, type RouteDeclaration } from "../api/declare-route";
import { allRoutes } from "../api/routes";
import { permissionRoles } from "../auth/permissions";
import { errorCodes, type ErrorCode } from "../errors/app-error";

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

const errorDescriptions: Record<number, string> = {
  400: "The body is not valid JSON",
  401: "Not signed in, or the token or session is not valid",
  403: "The role may not do this, or a cookie request came from another origin",
  404: "No such object",
  409: "Conflicts with what exists",
  413: "The body is too large",
  415: "The body is not JSON",
  422: "The input is not valid",
  429: "Too many attempts; retry after the Retry-After header's seconds",
};

let cached: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document, generated from the route declarations and nothing else. */
export function openApiDocument(routes: readonly RouteDeclaration[] = allRoutes) {
  if (routes !== allRoutes) return build(routes);
  cached ??= build(routes);
  return cached;
}

function build(routes: readonly RouteDeclaration[]) {
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return createDocument({
    openapi: "3.1.0",
    info: { title: "Syncline API", version: "1", description: "Flux CD across many clusters. Authenticate with a session cookie or `Authorization: Bearer <token>`." },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "syncline_session" } } },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  });
}

function operation(route: RouteDeclaration): ZodOpenApiOperationObject {
  const permission = permissionOf(route);
  return {
    summary: route.summary,
    description: permission ? `Requires the ${permissionRoles[permission]} role (${permission}).` : "Needs no session.",
    ...(permission ? {} : { security: [] }),
    ...(route.params || route.query ? { requestParams: { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: route.query } : {}) } } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses: responses(route),
  };
}

function responses(route: RouteDeclaration): Record<string, ZodOpenApiResponseObject> {
  const bodies: readonly ResponseBody[] = Array.isArray(route.response) ? route.response : [route.response as ResponseBody];
  const success = { description: route.summary, ...content(bodies) };
  const answers: Record<string, ZodOpenApiResponseObject> = { [String(route.status ?? 200)]: success };
  for (const status of route.alsoAnswers ?? []) answers[String(status)] = success;
  for (const status of errorStatuses(route)) answers[String(status)] = { description: errorDescriptions[status] ?? "Error", content: { "application/json": { schema: errorSchema } } };
  answers["5XX"] = { description: "A failure on Syncline's side, naming the request id", content: { "application/json": { schema: errorSchema } } };
  return answers;
}

function content(bodies: readonly ResponseBody[]) {
  const entries = bodies.flatMap((body) => {
    if (!isTextBody(body)) return [["application/json", { schema: body }]];
    return body.contentType === "none" ? [] : [[body.contentType, { schema: z.string().meta({ description: body.description }) }]];
  });
  return entries.length ? { content: Object.fromEntries(entries) } : {};
}

/** The error answers a route can give, derived from how it authenticates and what input it takes. */
function errorStatuses(route: RouteDeclaration): number[] {
  const statuses = new Set<number>(route.errors ?? []);
  if ((route.auth ?? "session") === "session") [401, 403].forEach((s) => statuses.add(s));
  if (route.params) [404, 422].forEach((s) => statuses.add(s));
  if (route.query) statuses.add(422);
  if (route.body) [400, 413, 415, 422].forEach((s) => statuses.add(s));
  return [...statuses].sort();
}
