import { listClusterObjectsRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { listClusterObjects } from "@/lib/clusters";

export const GET = withSession(listClusterObjectsRoute, async ({ params, query }) => Response.json(await listClusterObjects(params.id, query)));
