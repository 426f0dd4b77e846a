import { addPausePolicyRoute, listPausePoliciesRoute } from "@/lib/api/routes/pause-policies";
import { withSession } from "@/lib/api/with-session";
import { createPausePolicy, listPausePolicies } from "@/lib/pause-policies";

export const GET = withSession(listPausePoliciesRoute, async () => Response.json({ items: await listPausePolicies() }));

export const POST = withSession(addPausePolicyRoute, async ({ body, actor, origin }) => Response.json(await createPausePolicy(body, actor, origin), { status: 201 }));
