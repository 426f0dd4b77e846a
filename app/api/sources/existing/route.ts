import { listExistingFluxSourcesRoute } from "@/lib/api/routes/sources";
import { withSession } from "@/lib/api/with-session";
import { listExistingFluxSources } from "@/lib/sources";

export const GET = withSession(listExistingFluxSourcesRoute, async () => Response.json({ items: await listExistingFluxSources() }));
