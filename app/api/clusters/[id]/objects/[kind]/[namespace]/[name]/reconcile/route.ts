import { reconcileObjectRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { reconcileObject } from "@/lib/reconcile";

export const POST = withSession(reconcileObjectRoute, async ({ params, actor, origin }) => Response.json(await reconcileObject(params.id, params, actor, origin)));
