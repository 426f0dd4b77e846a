import { NextResponse, type NextRequest } from "next/server";

export const REQUEST_PATH_HEADER = "x-syncline-path";

/**
 * Layouts cannot see the URL, yet the dashboard layout must send a signed-out visitor to
 * /sign-in?next=<this page> so a shared deep link survives signing in. This passes the path on.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/clusters/:path*", "/sources/:path*", "/timeline/:path*", "/audit/:path*"],
};
