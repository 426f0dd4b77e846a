import { reconcileClusterRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { reconcileCluster } from "@/lib/reconcile";

export const POST = withSession(reconcileClusterRoute, async ({ params, actor, origin }) => Response.json(await reconcileCluster(params.id, actor, origin)));
