import type { FleetEvent } from "../fleet/dto";
import { liveStreams } from "../lifecycle/live-streams";
import { inventory } from "./inventory";

const HEARTBEAT_MS = 15_000;

/**
 * FleetEvents as a server-sent-events body: `event: <type>` and `data: <json>` per change,
 * and a comment line as heartbeat so proxies keep the connection open. With `clusterId`, only
 * that cluster's events are sent. When the server stops, the stream ends with a `retry:` hint,
 * so the browser reconnects soon, through the load balancer to a replica that still runs.
 */
export function fleetEventStream(options: { clusterId?: string | null; signal?: AbortSignal; heartbeatMs?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = inventory().store.subscribe((event) => {
        if (!options.clusterId || clusterOf(event) === options.clusterId) send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
      let release = () => {};
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        release();
      };
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      options.signal?.addEventListener("abort", end);
      send(": connected\n\n");
      release = liveStreams.hold((retryMs) => {
        send(`retry: ${retryMs}\n\n`);
        end();
      });
    },
    cancel() {
      cleanup();
    },
  });
}

function clusterOf(event: FleetEvent): string {
  return event.type === "cluster" ? event.cluster.id : event.clusterId;
}
