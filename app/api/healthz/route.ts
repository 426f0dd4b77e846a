import { healthRoute } from "@/lib/api/routes/system";
import { withoutSession } from "@/lib/api/with-session";

export const dynamic = "force-dynamic";

export const GET = withoutSession(healthRoute, async () => Response.json({ status: "ok" }));
