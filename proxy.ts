import { NextResponse, type NextRequest } from "next/server";
import { isHttps } from "@/lib/api/request-context";
import { securityHeaders } from "@/lib/api/security-headers";

export const REQUEST_PATH_HEADER = "x-syncline-path";
export const NONCE_HEADER = "x-nonce";

/**
 * Runs before every answer Syncline gives:
 * - it sets the security headers, with a fresh script nonce per request. Next.js reads the nonce
 *   from the request's Content-Security-Policy and puts it on its own scripts; the root layout
 *   reads it from x-nonce for the theme script;
 * - layouts cannot see the URL, yet the dashboard layout must send a signed-out visitor to
 *   /sign-in?next=<this page> so a shared deep link survives signing in. This passes the path on.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const answerHeaders = securityHeaders({ nonce, https: isHttps(request), development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", answerHeaders.find(([name]) => name === "content-security-policy")![1]);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of answerHeaders) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: "/:path*",
};
