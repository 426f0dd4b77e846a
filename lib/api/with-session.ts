import type { ZodType } from "zod";
import type { Actor } from "../auth/actor";
import { actorFromApiToken } from "../auth/api-tokens";
import { roleAllows } from "../auth/permissions";
import { actorFromSession } from "../auth/sessions";
import type { RequestOrigin } from "../audit/record-audit-event";
import { AppError } from "../errors/app-error";
import { log } from "../log/logger";
import { responseMismatch, responsesAreChecked } from "./check-response";
import { permissionOf, type Parsed, type PublicDeclaration, type RouteDeclaration, type SessionDeclaration } from "./declare-route";
import { errorResponse } from "./errors";
import { parseInput } from "./parse-input";
import { readJsonBody } from "./read-body";
import { clientIpOf, originMatches, requestIdOf, sessionTokenOf } from "./request-context";

export type UserActor = Extract<Actor, { type: "user" }>;

/** What a handler receives: input already parsed against its declaration, typed from it. */
export interface RouteInput<D extends SessionDeclaration | PublicDeclaration> {
  request: Request;
  params: Parsed<D["params"]>;
  query: Parsed<D["query"]>;
  body: Parsed<D["body"]>;
  origin: RequestOrigin & { requestId: string };
}

export interface SessionInput<D extends SessionDeclaration> extends RouteInput<D> {
  actor: UserActor;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Wraps every authenticated route: request id, authentication (cookie or bearer token), the
 * Origin check for cookie mutations, the declared permission, then route parameters, query and
 * body parsed against the declaration before the handler sees any of them, error mapping and
 * one log line per request.
 */
export function withSession<const D extends SessionDeclaration>(declaration: D, handler: (input: SessionInput<D>) => Promise<Response>) {
  const permission = permissionOf(declaration)!;
  return instrumented(declaration, async (request, rawParams, origin) => {
    const actor = await authenticate(request);
    if (!roleAllows(actor.role, permission)) {
      throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${permission})`);
    }
    const input = await parseRequest(declaration, request, rawParams);
    return handler({ ...input, request, origin, actor });
  });
}

/** For the few routes that need no user: health checks, sign-in and the API document. */
export function withoutSession<const D extends PublicDeclaration>(declaration: D, handler: (input: RouteInput<D>) => Promise<Response>) {
  return instrumented(declaration, async (request, rawParams, origin) => {
    const input = await parseRequest(declaration, request, rawParams);
    return handler({ ...input, request, origin });
  });
}

async function parseRequest<D extends SessionDeclaration | PublicDeclaration>(declaration: D, request: Request, rawParams: Record<string, string | string[]>) {
  const params = parseInput("path", declaration.params, rawParams) as Parsed<D["params"]>;
  const query = parseInput("query", declaration.query, Object.fromEntries(new URL(request.url).searchParams)) as Parsed<D["query"]>;
  const body = (declaration.body ? await readJsonBody(request, declaration.body as ZodType, declaration.maxBodyBytes) : undefined) as Parsed<D["body"]>;
  return { params, query, body };
}

function instrumented(declaration: RouteDeclaration, run: (request: Request, params: Record<string, string | string[]>, origin: RequestOrigin & { requestId: string }) => Promise<Response>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const path = new URL(request.url).pathname;
    let response: Response;
    try {
      response = await run(request, await context.params, { requestId, clientIp: clientIpOf(request) });
      response.headers.set("x-request-id", requestId);
      const mismatch = responsesAreChecked ? await responseMismatch(declaration, response) : undefined;
      if (mismatch) throw new Error(mismatch);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    log.info({ requestId, method: request.method, path, status: response.status, ms: Math.round(performance.now() - started) }, "request");
    return response;
  };
}

async function authenticate(request: Request): Promise<UserActor> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const actor = match ? await actorFromApiToken(match[1]!) : undefined;
    if (actor?.type !== "user") throw new AppError("unauthenticated", "The API token is not valid");
    return actor;
  }
  const sessionToken = sessionTokenOf(request);
  const actor = sessionToken ? await actorFromSession(sessionToken) : undefined;
  if (actor?.type !== "user") throw new AppError("unauthenticated", "Sign in, or send Authorization: Bearer <token>");
  if (MUTATING.has(request.method) && !originMatches(request)) {
    throw new AppError("origin_mismatch", "This request's Origin does not match Syncline's; cross-site requests are refused");
  }
  return actor;
}
