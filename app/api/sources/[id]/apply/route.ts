import { applySourceRoute } from "@/lib/api/routes/sources";
import { withSession } from "@/lib/api/with-session";
import { applySource } from "@/lib/sources";

export const POST = withSession(applySourceRoute, async ({ params, body, actor, origin }) => Response.json(await applySource(params.id, body, actor, origin)));
