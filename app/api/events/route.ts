import { withSession } from "@/lib/api/with-session";
import { fleetEventStream } from "@/lib/inventory";

export const dynamic = "force-dynamic";

export const GET = withSession(
  async ({ request }) =>
    new Response(fleetEventStream({ clusterId: new URL(request.url).searchParams.get("cluster"), signal: request.signal }), {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
    }),
  { permission: "read" },
);
