import { listDriftSummariesRoute } from "@/lib/api/routes/drift";
import { withSession } from "@/lib/api/with-session";
import { listDriftSummaries } from "@/lib/drift";

export const GET = withSession(listDriftSummariesRoute, async () => Response.json(await listDriftSummaries()));
