import { revokeTokenRoute } from "@/lib/api/routes/tokens";
import { withSession } from "@/lib/api/with-session";
import { revokeApiToken } from "@/lib/tokens";

export const DELETE = withSession(revokeTokenRoute, async ({ params, actor, origin }) => Response.json(await revokeApiToken({ id: params.id }, actor, origin)));
