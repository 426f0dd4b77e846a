import { useQuery } from "@tanstack/react-query";
import type { DriftSummary } from "@/lib/schemas/drift";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

// Drift is computed on the server when its inputs change; reading the cached summaries is cheap.
const DRIFT_POLL_MS = 15_000;

/** Every cluster's drift summary, from the server's cache. */
export function useFleetDrift() {
  return useQuery({
    queryKey: keys.drift.fleet(),
    queryFn: ({ signal }) => apiFetch<DriftSummary[]>(apiPaths.fleetDrift, { signal }),
    refetchInterval: DRIFT_POLL_MS,
  });
}
