import { clusterPausePolicyRoute } from "@/lib/api/routes/pause-policies";
import { withSession } from "@/lib/api/with-session";
import { getClusterPausePolicy } from "@/lib/pause-policies";

export const GET = withSession(clusterPausePolicyRoute, async ({ params }) => Response.json(await getClusterPausePolicy(params.id)));
