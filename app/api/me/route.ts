import { meRoute } from "@/lib/api/routes/auth";
import { withSession } from "@/lib/api/with-session";

export const GET = withSession(meRoute, async ({ actor }) => Response.json({ id: actor.id, name: actor.name, email: actor.email, role: actor.role }));
