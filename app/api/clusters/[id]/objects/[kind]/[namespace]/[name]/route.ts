import { getObjectRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { getObjectDetail } from "@/lib/clusters";

export const GET = withSession(getObjectRoute, async ({ params, actor }) => Response.json(await getObjectDetail(params.id, params.kind, params.namespace, params.name, actor.role)));
