import { readinessRoute } from "@/lib/api/routes/system";
import { withoutSession } from "@/lib/api/with-session";
import { checkReadiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export const GET = withoutSession(readinessRoute, async () => {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503 });
});
