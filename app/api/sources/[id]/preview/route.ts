import { previewSourceRoute } from "@/lib/api/routes/sources";
import { withSession } from "@/lib/api/with-session";
import { previewSource } from "@/lib/sources";

export const POST = withSession(previewSourceRoute, async ({ params }) => Response.json(await previewSource(params.id)));
