import { getClusterDriftRoute } from "@/lib/api/routes/drift";
import { withSession } from "@/lib/api/with-session";
import { getClusterDrift } from "@/lib/drift";

export const GET = withSession(getClusterDriftRoute, async ({ params }) => Response.json(await getClusterDrift(params.id)));
