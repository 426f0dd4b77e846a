import { listDeploymentsRoute } from "@/lib/api/routes/timeline";
import { withSession } from "@/lib/api/with-session";
import { exportDeploymentsCsv, listDeployments } from "@/lib/timeline";

export const GET = withSession(listDeploymentsRoute, async ({ query }) => {
  if (query.format === "json") return Response.json(await listDeployments(query));
  return new Response(await exportDeploymentsCsv(query), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="syncline-deployments.csv"` },
  });
});
