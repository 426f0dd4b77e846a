import { getClusterRoute, removeClusterRoute, updateClusterRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { getClusterDetail, removeCluster, updateCluster } from "@/lib/clusters";

export const GET = withSession(getClusterRoute, async ({ params }) => Response.json(await getClusterDetail(params.id)));

export const PATCH = withSession(updateClusterRoute, async ({ params, body, actor, origin }) => Response.json(await updateCluster(params.id, body, actor, origin)));

export const DELETE = withSession(removeClusterRoute, async ({ params, actor, origin }) => Response.json(await removeCluster(params.id, actor, origin)));
