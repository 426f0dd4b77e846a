import { openApiRoute } from "@/lib/api/routes/system";
import { withoutSession } from "@/lib/api/with-session";
import { openApiDocument } from "@/lib/openapi";

export const GET = withoutSession(openApiRoute, async () => Response.json(openApiDocument()));
