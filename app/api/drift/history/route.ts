import { listDriftHistoryRoute } from "@/lib/api/routes/drift";
import { withSession } from "@/lib/api/with-session";
import { listDriftHistory } from "@/lib/drift";

export const GET = withSession(listDriftHistoryRoute, async ({ query }) => Response.json(await listDriftHistory(query)));
