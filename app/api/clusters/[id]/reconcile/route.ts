import { withSession } from "@/lib/api/with-session";
import { reconcileCluster } from "@/lib/reconcile";

export const POST = withSession<undefined, { id: string }>(
  async ({ params, actor, origin }) => Response.json(await reconcileCluster(params.id, actor, origin)),
  { permission: "clusters.reconcile" },
);
