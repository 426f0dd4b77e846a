import { randomUUID } from "node:crypto";

export const SESSION_COOKIE = "syncline_session";

/** Requests carry a request id end to end: from the caller's header when sane, else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/** The client address as the proxy in front reports it (Next.js sets x-forwarded-for itself). */
export function clientIpOf(request: Request): string | null {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

export function isHttps(request: Request): boolean {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (proto ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

export function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const attributes = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expiresAt.toUTCString()}`];
  if (isHttps(request)) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearedSessionCookie(request: Request): string {
  return sessionCookie(request, "", new Date(0));
}

/**
 * A cookie-authenticated mutation must come from Syncline's own pages: its Origin must name the
 * host the request was sent to. Browsers always send Origin on cross-site POSTs, so a missing
 * Origin with a cookie is refused too.
 */
export function originMatches(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
