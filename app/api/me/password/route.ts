import { sessionTokenOf } from "@/lib/api/request-context";
import { changeOwnPasswordRoute } from "@/lib/api/routes/tokens";
import { withSession } from "@/lib/api/with-session";
import { changeOwnPassword } from "@/lib/users";

export const PUT = withSession(changeOwnPasswordRoute, async ({ body, actor, origin, request }) =>
  Response.json(await changeOwnPassword(actor, body, { keepSessionToken: actor.via === "session" ? sessionTokenOf(request) : undefined, origin })),
);
