import { listObjectHistoryRoute } from "@/lib/api/routes/sync-history";
import { withSession } from "@/lib/api/with-session";
import { listObjectHistory } from "@/lib/sync-history";

export const GET = withSession(listObjectHistoryRoute, async ({ params, query }) => Response.json(await listObjectHistory(params, query)));
