import { fleetEventsRoute } from "@/lib/api/routes/events";
import { withSession } from "@/lib/api/with-session";
import { fleetEventStream } from "@/lib/inventory";

export const dynamic = "force-dynamic";

export const GET = withSession(
  fleetEventsRoute,
  async ({ query, request }) =>
    new Response(fleetEventStream({ clusterId: query.cluster ?? null, signal: request.signal }), {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
    }),
);
