import { withSession } from "@/lib/api/with-session";
import { getObjectDetail } from "@/lib/clusters";

type Params = { id: string; kind: string; namespace: string; name: string };

export const GET = withSession<undefined, Params>(
  async ({ params }) => Response.json(await getObjectDetail(params.id, params.kind, params.namespace, params.name)),
  { permission: "read" },
);
