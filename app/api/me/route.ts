import { withSession } from "@/lib/api/with-session";

export const GET = withSession(async ({ actor }) =>
  Response.json({ id: actor.id, name: actor.name, email: actor.email, role: actor.role }),
);
