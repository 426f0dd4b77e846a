import type { z } from "zod";
import { withSession } from "@/lib/api/with-session";
import { getClusterDetail, removeCluster, updateCluster } from "@/lib/clusters";
import { updateClusterInput } from "@/lib/schemas/clusters";

type Params = { id: string };

export const GET = withSession<undefined, Params>(async ({ params }) => Response.json(await getClusterDetail(params.id)), { permission: "read" });

export const PATCH = withSession<z.output<typeof updateClusterInput>, Params>(
  async ({ params, body, actor, origin }) => Response.json(await updateCluster(params.id, body, actor, origin)),
  { body: updateClusterInput, permission: "clusters.manage" },
);

export const DELETE = withSession<undefined, Params>(
  async ({ params, actor, origin }) => Response.json(await removeCluster(params.id, actor, origin)),
  { permission: "clusters.manage" },
);
