import { getRunningNowRoute } from "@/lib/api/routes/timeline";
import { withSession } from "@/lib/api/with-session";
import { getRunningNow } from "@/lib/timeline";

export const GET = withSession(getRunningNowRoute, async ({ params }) => Response.json(await getRunningNow(params.id)));
