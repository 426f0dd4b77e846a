import { updateUserRoute } from "@/lib/api/routes/users";
import { withSession } from "@/lib/api/with-session";
import { updateUser } from "@/lib/users";

export const PATCH = withSession(updateUserRoute, async ({ params, body, actor, origin }) => Response.json(await updateUser(params.id, body, actor, origin)));
