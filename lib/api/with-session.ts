import type { ZodType } from "zod";
import type { Actor } from "../auth/actor";
import { actorFromApiToken } from "../auth/api-tokens";
import { roleAllows, type Permission } from "../auth/permissions";
import { actorFromSession } from "../auth/sessions";
import type { RequestOrigin } from "../audit/record-audit-event";
import { AppError } from "../errors/app-error";
import { log } from "../log/logger";
import { errorResponse } from "./errors";
import { readJsonBody } from "./read-body";
import { clientIpOf, cookieValue, originMatches, requestIdOf, SESSION_COOKIE } from "./request-context";

export type UserActor = Extract<Actor, { type: "user" }>;

interface BaseContext<P> {
  request: Request;
  params: P;
  origin: RequestOrigin & { requestId: string };
}

export interface SessionContext<B, P> extends BaseContext<P> {
  body: B;
  actor: UserActor;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface Options<B> {
  body?: ZodType<B>;
  permission?: Permission;
  maxBodyBytes?: number;
}

/**
 * Wraps every authenticated route: request id, authentication (cookie or bearer token), the
 * Origin check for cookie mutations, permission, body parsing and error mapping, plus one log
 * line per request. Handlers receive typed input and return a Response.
 */
export function withSession<B = undefined, P = Record<string, string>>(
  handler: (context: SessionContext<B, P>) => Promise<Response>,
  options: Options<B> = {},
) {
  return instrumented<P>(async (base) => {
    const actor = await authenticate(base.request);
    if (options.permission && !roleAllows(actor.role, options.permission)) {
      throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${options.permission})`);
    }
    const body = options.body ? await readJsonBody(base.request, options.body, options.maxBodyBytes) : (undefined as B);
    return handler({ ...base, body, actor });
  });
}

/** For the few routes that need no user: health checks and sign-in. */
export function withoutSession<B = undefined, P = Record<string, string>>(
  handler: (context: BaseContext<P> & { body: B }) => Promise<Response>,
  options: Omit<Options<B>, "permission"> = {},
) {
  return instrumented<P>(async (base) => {
    const body = options.body ? await readJsonBody(base.request, options.body, options.maxBodyBytes) : (undefined as B);
    return handler({ ...base, body });
  });
}

function instrumented<P>(run: (base: BaseContext<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const path = new URL(request.url).pathname;
    let response: Response;
    try {
      const params = (await context.params) as P;
      response = await run({ request, params, origin: { requestId, clientIp: clientIpOf(request) } });
      response.headers.set("x-request-id", requestId);
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
  const sessionToken = cookieValue(request, SESSION_COOKIE);
  const actor = sessionToken ? await actorFromSession(sessionToken) : undefined;
  if (actor?.type !== "user") throw new AppError("unauthenticated", "Sign in, or send Authorization: Bearer <token>");
  if (MUTATING.has(request.method) && !originMatches(request)) {
    throw new AppError("origin_mismatch", "This request's Origin does not match Syncline's; cross-site requests are refused");
  }
  return actor;
}
