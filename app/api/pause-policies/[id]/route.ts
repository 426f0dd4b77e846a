import { removePausePolicyRoute, updatePausePolicyRoute } from "@/lib/api/routes/pause-policies";
import { withSession } from "@/lib/api/with-session";
import { deletePausePolicy, updatePausePolicy } from "@/lib/pause-policies";

export const PATCH = withSession(updatePausePolicyRoute, async ({ params, body, actor, origin }) => Response.json(await updatePausePolicy(params.id, body, actor, origin)));

export const DELETE = withSession(removePausePolicyRoute, async ({ params, actor, origin }) => Response.json(await deletePausePolicy(params.id, actor, origin)));
