import { removeGitCredentialRoute, updateGitCredentialRoute } from "@/lib/api/routes/git-credentials";
import { withSession } from "@/lib/api/with-session";
import { removeGitCredential, updateGitCredential } from "@/lib/git-credentials";

export const PATCH = withSession(updateGitCredentialRoute, async ({ params, body, actor, origin }) => Response.json(await updateGitCredential(params.id, body, actor, origin)));

export const DELETE = withSession(removeGitCredentialRoute, async ({ params, actor, origin }) => Response.json(await removeGitCredential(params.id, actor, origin)));
