import { addUserRoute, listUsersRoute } from "@/lib/api/routes/users";
import { withSession } from "@/lib/api/with-session";
import { addUser, listUsers } from "@/lib/users";

export const GET = withSession(listUsersRoute, async () => Response.json(await listUsers()));

export const POST = withSession(addUserRoute, async ({ body, actor, origin }) => Response.json(await addUser(body, actor, origin), { status: 201 }));
