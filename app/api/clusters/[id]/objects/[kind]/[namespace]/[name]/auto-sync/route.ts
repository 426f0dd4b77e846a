import { setObjectAutoSyncRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { setObjectAutoSync } from "@/lib/autosync";

export const PUT = withSession(setObjectAutoSyncRoute, async ({ params, body, actor, origin }) => Response.json(await setObjectAutoSync(params.id, params, body, actor, origin)));
