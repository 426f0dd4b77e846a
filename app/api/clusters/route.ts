import { addClusterRoute, listClustersRoute } from "@/lib/api/routes/clusters";
import { withSession } from "@/lib/api/with-session";
import { addCluster, listClusters } from "@/lib/clusters";

export const GET = withSession(listClustersRoute, async () => Response.json(await listClusters()));

export const POST = withSession(addClusterRoute, async ({ body, actor, origin }) => Response.json(await addCluster(body, actor, origin), { status: 201 }));
