import { getObjectDriftRoute } from "@/lib/api/routes/drift";
import { withSession } from "@/lib/api/with-session";
import { getObjectDrift } from "@/lib/drift";

export const GET = withSession(getObjectDriftRoute, async ({ params }) => Response.json(await getObjectDrift(params)));
