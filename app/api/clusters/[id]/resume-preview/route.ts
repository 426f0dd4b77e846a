import { resumePreviewRoute } from "@/lib/api/routes/pause-policies";
import { withSession } from "@/lib/api/with-session";
import { previewClusterResume } from "@/lib/autosync";

export const GET = withSession(resumePreviewRoute, async ({ params }) => Response.json(await previewClusterResume(params.id)));
