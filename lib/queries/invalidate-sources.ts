import type { QueryClient } from "@tanstack/react-query";
import { keys } from "./keys";

/**
 * A change to a source alters its list row, its page, which Flux sources are "existing", and the
 * audit trail. An open preview is left alone: it is recomputed only when the user asks.
 */
export function invalidateSources(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: keys.audit.all });
  return queryClient.invalidateQueries({ queryKey: keys.sources.all, predicate: (query) => query.queryKey[1] !== "preview" });
}
