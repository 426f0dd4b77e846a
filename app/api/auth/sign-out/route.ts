import { signOutRoute } from "@/lib/api/routes/auth";
import { withSession } from "@/lib/api/with-session";
import { clearedSessionCookie, sessionTokenOf } from "@/lib/api/request-context";
import { signOut } from "@/lib/auth";

export const POST = withSession(signOutRoute, async ({ request }) => {
  const token = sessionTokenOf(request);
  if (token) await signOut(token);
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(request) } });
});
