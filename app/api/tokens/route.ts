import { createTokenRoute, listTokensRoute } from "@/lib/api/routes/tokens";
import { withSession } from "@/lib/api/with-session";
import { createApiToken, listApiTokens } from "@/lib/tokens";

export const GET = withSession(listTokensRoute, async ({ actor }) => Response.json({ items: await listApiTokens(actor.name) }));

export const POST = withSession(createTokenRoute, async ({ body, actor, origin }) =>
  Response.json(await createApiToken(actor.name, body, actor, origin), { status: 201, headers: { "cache-control": "no-store" } }),
);
