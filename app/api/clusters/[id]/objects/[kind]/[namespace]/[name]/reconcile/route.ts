import { withSession } from "@/lib/api/with-session";
import { reconcileObject } from "@/lib/reconcile";

type Params = { id: string; kind: string; namespace: string; name: string };

export const POST = withSession<undefined, Params>(
  async ({ params, actor, origin }) => Response.json(await reconcileObject(params.id, params, actor, origin)),
  { permission: "clusters.reconcile" },
);
