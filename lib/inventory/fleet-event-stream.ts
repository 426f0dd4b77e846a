import type { FleetEvent } from "../fleet/dto";
import { inventory } from "./inventory";

const HEARTBEAT_MS = 15_000;

/**
 * FleetEvents as a server-sent-events body: `event: <type>` and `data: <json>` per change,
 * and a comment line as heartbeat so proxies keep the connection open. With `clusterId`, only
 * that cluster's events are sent.
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
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      options.signal?.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      });
      send(": connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
}

function clusterOf(event: FleetEvent): string {
  return event.type === "cluster" ? event.cluster.id : event.clusterId;
}
