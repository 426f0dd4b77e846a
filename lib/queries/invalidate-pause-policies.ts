import type { QueryClient } from "@tanstack/react-query";
import { keys } from "./keys";

/** A policy change alters what every cluster's pause dialog shows, and adds an audit record. */
export function invalidatePausePolicies(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: keys.audit.all });
  void queryClient.invalidateQueries({ queryKey: keys.clusters.pausePolicies() });
  return queryClient.invalidateQueries({ queryKey: keys.pausePolicies.all });
}
