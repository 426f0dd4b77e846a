import { adoptSourcesRoute } from "@/lib/api/routes/sources";
import { withSession } from "@/lib/api/with-session";
import { adoptSources } from "@/lib/sources";

export const POST = withSession(adoptSourcesRoute, async ({ body, actor, origin }) => Response.json(await adoptSources(body, actor, origin), { status: 201 }));
