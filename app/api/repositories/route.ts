import { listRepositoriesRoute } from "@/lib/api/routes/timeline";
import { withSession } from "@/lib/api/with-session";
import { listRepositories } from "@/lib/timeline";

export const GET = withSession(listRepositoriesRoute, async () => Response.json(await listRepositories()));
