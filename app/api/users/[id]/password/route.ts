import { resetPasswordRoute } from "@/lib/api/routes/users";
import { withSession } from "@/lib/api/with-session";
import { resetPassword } from "@/lib/users";

export const POST = withSession(resetPasswordRoute, async ({ params, body, actor, origin }) => Response.json(await resetPassword(params.id, body, actor, origin)));
