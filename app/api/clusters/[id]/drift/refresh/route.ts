import { refreshClusterDriftRoute } from "@/lib/api/routes/drift";
import { withSession } from "@/lib/api/with-session";
import { requestDriftRefresh } from "@/lib/drift";

export const POST = withSession(refreshClusterDriftRoute, async ({ params }) => Response.json(await requestDriftRefresh(params.id), { status: 202 }));
