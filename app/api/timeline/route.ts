import { getTimelineRoute } from "@/lib/api/routes/timeline";
import { withSession } from "@/lib/api/with-session";
import { getTimeline } from "@/lib/timeline";

export const GET = withSession(getTimelineRoute, async ({ query }) =>
  Response.json(
    await getTimeline({ repositoryId: query.source, clusterIds: query.cluster, labelSelector: query.labels, from: query.from, to: query.to, cursor: query.cursor, limit: query.limit }),
  ),
);
