import { withoutSession } from "@/lib/api/with-session";
import { openApiDocument } from "@/lib/openapi";

export const GET = withoutSession(async () => Response.json(openApiDocument()));
