import { deleteSourceRoute, getSourceRoute, updateSourceRoute } from "@/lib/api/routes/sources";
import { withSession } from "@/lib/api/with-session";
import { deleteSource, getSource, updateSource } from "@/lib/sources";

export const GET = withSession(getSourceRoute, async ({ params }) => Response.json(await getSource(params.id)));

export const PATCH = withSession(updateSourceRoute, async ({ params, body, actor, origin }) => Response.json(await updateSource(params.id, body, actor, origin)));

export const DELETE = withSession(deleteSourceRoute, async ({ params, actor, origin }) => Response.json(await deleteSource(params.id, actor, origin)));
