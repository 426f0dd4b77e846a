import { addGitCredentialRoute, listGitCredentialsRoute } from "@/lib/api/routes/git-credentials";
import { withSession } from "@/lib/api/with-session";
import { addGitCredential, listGitCredentials } from "@/lib/git-credentials";

export const GET = withSession(listGitCredentialsRoute, async () => Response.json({ items: await listGitCredentials() }));

export const POST = withSession(addGitCredentialRoute, async ({ body, actor, origin }) => Response.json(await addGitCredential(body, actor, origin), { status: 201 }));
