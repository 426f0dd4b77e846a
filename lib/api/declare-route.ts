import type { z, ZodObject, ZodType } from "zod";
import type { Permission } from "../auth/permissions";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
type MutatingMethod = Exclude<HttpMethod, "get">;

/** A non-JSON answer: the event stream, the audit CSV export, or an empty 204. */
export interface TextBody {
  readonly contentType: "text/event-stream" | "text/csv" | "none";
  readonly description: string;
}

export const eventStreamBody: TextBody = { contentType: "text/event-stream", description: "Server-sent events: `event: <type>`, `data: <json>`" };
export const csvBody: TextBody = { contentType: "text/csv", description: "The same records as CSV, one row per record" };
export const noBody: TextBody = { contentType: "none", description: "No content" };

export type ResponseBody = ZodType | TextBody;

interface DeclarationFields<P extends ZodObject | undefined, Q extends ZodObject | undefined, B extends ZodType | undefined> {
  /** The OpenAPI form: `/api/clusters/{id}`; the app/api folder is `/api/clusters/[id]`. */
  path: `/api/${string}`;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success answer; several entries answer with one of several content types (JSON or CSV). */
  response: ResponseBody | readonly ResponseBody[];
  status?: number;
  /** Other answers a caller must handle besides errors, e.g. readiness's 503 with the same body. */
  alsoAnswers?: readonly number[];
  /** Error statuses particular to this route (409, 429, …), on top of those derived from its input and auth. */
  errors?: readonly number[];
  maxBodyBytes?: number;
}

/**
 * A route that needs a signed-in user. Mutating methods must name their permission; a GET that
 * names none is open to every signed-in user (the `read` permission, held by every role).
 */
type SessionAccess = { auth?: "session"; method: "get"; permission?: Permission } | { auth?: "session"; method: MutatingMethod; permission: Permission };
/** A route anyone may call (health checks, sign-in, this document). It never has a permission. */
type PublicAccess = { auth: "none"; method: HttpMethod; permission?: never };

export type RouteDeclaration<
  P extends ZodObject | undefined = ZodObject | undefined,
  Q extends ZodObject | undefined = ZodObject | undefined,
  B extends ZodType | undefined = ZodType | undefined,
> = DeclarationFields<P, Q, B> & (SessionAccess | PublicAccess);

export type SessionDeclaration = DeclarationFields<ZodObject | undefined, ZodObject | undefined, ZodType | undefined> & SessionAccess;
export type PublicDeclaration = DeclarationFields<ZodObject | undefined, ZodObject | undefined, ZodType | undefined> & PublicAccess;

/** What a declaration's schema hands the handler: the parsed output, or undefined when absent. */
export type Parsed<S> = S extends ZodType ? z.output<S> : undefined;

const MUTATING: ReadonlySet<string> = new Set(["post", "put", "patch", "delete"]);

/**
 * Declares a route once: its wrapper enforces and parses what it says, the OpenAPI document
 * describes it, and the route × role test exercises it. The runtime check backs the type for
 * declarations built from `any` or plain JavaScript.
 */
export function declareRoute<const D extends RouteDeclaration>(declaration: D): D {
  const auth = declaration.auth ?? "session";
  if (auth === "session" && MUTATING.has(declaration.method) && !declaration.permission) {
    throw new Error(`${declaration.method.toUpperCase()} ${declaration.path} mutates and must declare a permission`);
  }
  if (auth === "none" && declaration.permission) {
    throw new Error(`${declaration.method.toUpperCase()} ${declaration.path} needs no session, so it cannot require a permission`);
  }
  return declaration;
}

export function isTextBody(body: ResponseBody): body is TextBody {
  return typeof (body as TextBody).contentType === "string" && !("_zod" in body);
}

export function permissionOf(declaration: RouteDeclaration): Permission | undefined {
  return (declaration.auth ?? "session") === "session" ? (declaration.permission ?? "read") : undefined;
}
