import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ClusterDetail, FleetEvent, FluxObjectDetail, FluxObjectSummary } from "@/lib/fleet/dto";
import { applyToClusterDetail, applyToClusterList, applyToObjectDetail, applyToObjectList } from "./apply-fleet-event";
import { apiPaths, keys } from "./keys";

export type StreamStatus = "connecting" | "live" | "reconnecting";

const EVENT_TYPES: FleetEvent["type"][] = ["cluster", "cluster-removed", "object", "object-removed"];

/**
 * Keeps every cached cluster, object list and object page current from GET /api/events.
 * Events are queued and applied once per animation frame, so a burst of 1,000 changes costs
 * one render. After a dropped connection the caches are refetched, since events were missed.
 */
export function useFleetEvents(): StreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>("connecting");

  useEffect(() => {
    let source: EventSource | undefined;
    let queue: FleetEvent[] = [];
    let frame = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let dropped = false;

    const flush = () => {
      frame = 0;
      const batch = queue;
      queue = [];
      applyBatch(queryClient, batch);
    };
    const receive = (message: MessageEvent<string>) => {
      queue.push(JSON.parse(message.data) as FleetEvent);
      frame ||= requestAnimationFrame(flush);
    };
    const connect = () => {
      source = new EventSource(apiPaths.events);
      EVENT_TYPES.forEach((type) => source!.addEventListener(type, receive));
      source.onopen = () => {
        attempts = 0;
        setStatus("live");
        if (dropped) void queryClient.invalidateQueries({ queryKey: keys.clusters.all });
        dropped = false;
      };
      source.onerror = () => {
        dropped = true;
        setStatus("reconnecting");
        // The browser retries a dropped stream itself, but gives up on an HTTP error (a restart
        // returning 502, say); then retry with backoff up to 30 s.
        if (source!.readyState === EventSource.CLOSED) {
          source!.close();
          retry = setTimeout(connect, Math.min(30_000, 1_000 * 2 ** attempts++));
        }
      };
    };

    connect();
    return () => {
      source?.close();
      clearTimeout(retry);
      cancelAnimationFrame(frame);
    };
  }, [queryClient]);

  return status;
}

function applyBatch(queryClient: QueryClient, batch: FleetEvent[]): void {
  queryClient.setQueryData(keys.clusters.list(), (list: Parameters<typeof applyToClusterList>[0]) => applyToClusterList(list, batch));

  for (const [key, detail] of queryClient.getQueriesData<ClusterDetail>({ queryKey: keys.clusters.details() })) {
    if (!detail) continue;
    const next = applyToClusterDetail(detail, batch);
    // A removed cluster's page refetches and shows "not found" rather than stale data.
    if (next === null) void queryClient.invalidateQueries({ queryKey: key, exact: true });
    else if (next !== detail) queryClient.setQueryData(key, next);
  }

  for (const [key, list] of queryClient.getQueriesData<FluxObjectSummary[]>({ queryKey: keys.clusters.objectLists() })) {
    const next = applyToObjectList(String(key[2]), list, batch);
    if (next !== list) queryClient.setQueryData(key, next);
  }

  for (const [key, detail] of queryClient.getQueriesData<FluxObjectDetail>({ queryKey: keys.clusters.objectDetails() })) {
    if (!detail) continue;
    const next = applyToObjectDetail(String(key[2]), detail, batch);
    if (next === detail) continue;
    if (next) queryClient.setQueryData(key, next);
    // Conditions, events and YAML are not in the event; fetch them behind the fresh summary.
    void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
}
