import { testGitCredentialRoute } from "@/lib/api/routes/git-credentials";
import { withSession } from "@/lib/api/with-session";
import { testGitCredential } from "@/lib/git-credentials";

export const POST = withSession(testGitCredentialRoute, async ({ params, body, actor, origin }) => Response.json(await testGitCredential(params.id, body, actor, origin)));
