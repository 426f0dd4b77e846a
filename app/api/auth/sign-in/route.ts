import { signInRoute } from "@/lib/api/routes/auth";
import { withoutSession } from "@/lib/api/with-session";
import { originMatches, sessionCookie } from "@/lib/api/request-context";
import { AppError } from "@/lib/errors/app-error";
import { signIn } from "@/lib/auth";

export const POST = withoutSession(
  signInRoute,
  async ({ request, body, origin }) => {
    // Refusing foreign origins here too stops a site from signing a victim into its own account.
    if (request.headers.get("origin") && !originMatches(request)) {
      throw new AppError("origin_mismatch", "This request's Origin does not match Syncline's; cross-site requests are refused");
    }
    const { sessionToken, expiresAt, actor } = await signIn(body.name, body.password, {
      ip: origin.clientIp,
      userAgent: request.headers.get("user-agent"),
    });
    const { id, name, email, role } = actor;
    return Response.json({ id, name, email, role }, { headers: { "set-cookie": sessionCookie(request, sessionToken, expiresAt) } });
  },
);
