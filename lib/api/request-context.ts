import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { isTrustedProxy } from "./trusted-proxies";

/**
 * What Syncline needs to know about a request besides its body. Pages pass Next's headers(),
 * route handlers the Request, so only the headers are required.
 *
 * Trust: Syncline's server (scripts/serve-dashboard.ts) appends the socket's peer address to
 * X-Forwarded-For, so its last hop is always the real peer. X-Forwarded-For, -Proto and -Host
 * are believed only as far as the hops that sent them are in SYNCLINE_TRUSTED_PROXIES.
 */
export interface RequestHeaders {
  headers: { get(name: string): string | null };
}

const PLAIN_SESSION_COOKIE = "syncline_session";
// Over HTTPS the browser accepts a __Host- cookie only when Secure, Path=/ and without Domain, so
// neither a sibling subdomain nor a plain-HTTP page can plant or overwrite a session.
const HOST_SESSION_COOKIE = "__Host-syncline_session";

/** Requests carry a request id end to end: from the caller's header when sane, else a new one. */
export function requestIdOf(request: RequestHeaders): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * The client address for the audit record: X-Forwarded-For read from the right, skipping the
 * trusted proxies; the first hop that is not one of them is the client. Anything left of it was
 * written by the client itself and is ignored.
 */
export function clientIpOf(request: RequestHeaders): string | null {
  const hops = forwardedForHops(request);
  const client = hops.findLast((hop) => !isTrustedProxy(hop)) ?? hops[0];
  // A hop that is no address (a proxy's "unknown") stops the walk: the hops left of it are the
  // client's own words.
  return client && isIP(client) ? client : null;
}

/** HTTPS only when a trusted proxy in front says so: Syncline itself serves plain HTTP. */
export function isHttps(request: RequestHeaders): boolean {
  return peerIsTrustedProxy(request) && firstValue(request.headers.get("x-forwarded-proto")) === "https";
}

/** The host the browser addressed: a trusted proxy's X-Forwarded-Host, else the Host header. */
export function requestedHost(request: RequestHeaders): string | null {
  const forwarded = peerIsTrustedProxy(request) ? firstValue(request.headers.get("x-forwarded-host")) : undefined;
  return forwarded ?? request.headers.get("host");
}

export function cookieValue(request: RequestHeaders, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      // A garbled value is no session: the caller answers 401, as for a missing one.
      return undefined;
    }
  }
  return undefined;
}

export function sessionCookieName(request: RequestHeaders): string {
  return isHttps(request) ? HOST_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

/** The session token from the cookie that applies to this request's scheme, never the other. */
export function sessionTokenOf(request: RequestHeaders): string | undefined {
  return cookieValue(request, sessionCookieName(request)) || undefined;
}

export function sessionCookie(request: RequestHeaders, token: string, expiresAt: Date): string {
  const attributes = [`${sessionCookieName(request)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (isHttps(request)) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearedSessionCookie(request: RequestHeaders): string {
  return sessionCookie(request, "", new Date(0));
}

/**
 * A cookie-authenticated mutation must come from Syncline's own pages: its Origin must name the
 * host the request was sent to. Browsers always send Origin on cross-site POSTs, so a missing
 * Origin with a cookie is refused too.
 */
export function originMatches(request: RequestHeaders): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === requestedHost(request);
  } catch {
    return false;
  }
}

function forwardedForHops(request: RequestHeaders): string[] {
  const header = request.headers.get("x-forwarded-for");
  return header ? header.split(",").map(plainAddress) : [];
}

/** "[2001:db8::1]:443" → "2001:db8::1", "192.0.2.1:80" → "192.0.2.1", "::ffff:192.0.2.1" → "192.0.2.1". */
function plainAddress(hop: string): string {
  const trimmed = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1];
  const address = bracketed ?? (/^[\d.]+:\d+$/.test(trimmed) ? trimmed.slice(0, trimmed.lastIndexOf(":")) : trimmed);
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

function peerIsTrustedProxy(request: RequestHeaders): boolean {
  return isTrustedProxy(forwardedForHops(request).at(-1));
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
