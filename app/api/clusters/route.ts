import { withSession } from "@/lib/api/with-session";
import { addCluster, listClusters } from "@/lib/clusters";
import { addClusterInput } from "@/lib/schemas/clusters";

export const GET = withSession(async () => Response.json(await listClusters()), { permission: "read" });

export const POST = withSession(
  async ({ body, actor, origin }) => Response.json(await addCluster(body, actor, origin), { status: 201 }),
  { body: addClusterInput, permission: "clusters.manage" },
);
