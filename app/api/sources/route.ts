import { createSourceRoute, listSourcesRoute } from "@/lib/api/routes/sources";
import { withSession } from "@/lib/api/with-session";
import { createSource, listSources } from "@/lib/sources";

export const GET = withSession(listSourcesRoute, async () => Response.json({ items: await listSources() }));

export const POST = withSession(createSourceRoute, async ({ body, actor, origin }) => Response.json(await createSource(body, actor, origin), { status: 201 }));
