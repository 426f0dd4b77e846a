import { withSession } from "@/lib/api/with-session";
import { listClusterObjects } from "@/lib/clusters";

export const GET = withSession<undefined, { id: string }>(
  async ({ params, request }) => Response.json(await listClusterObjects(params.id, Object.fromEntries(new URL(request.url).searchParams))),
  { permission: "read" },
);
