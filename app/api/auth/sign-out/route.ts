import { withSession } from "@/lib/api/with-session";
import { clearedSessionCookie, cookieValue, SESSION_COOKIE } from "@/lib/api/request-context";
import { signOut } from "@/lib/auth";

export const POST = withSession(async ({ request }) => {
  const token = cookieValue(request, SESSION_COOKIE);
  if (token) await signOut(token);
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(request) } });
});
