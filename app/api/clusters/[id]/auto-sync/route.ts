import { setClusterAutoSyncRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { setClusterAutoSync } from "@/lib/autosync";

export const PUT = withSession(setClusterAutoSyncRoute, async ({ params, body, actor, origin }) => Response.json(await setClusterAutoSync(params.id, body, actor, origin)));
