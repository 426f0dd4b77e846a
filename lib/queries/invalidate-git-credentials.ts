import type { QueryClient } from "@tanstack/react-query";
import { keys } from "./keys";

/** A change to a credential (or a test of one) alters the list, and adds an audit record. */
export function invalidateGitCredentials(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: keys.audit.all });
  return queryClient.invalidateQueries({ queryKey: keys.gitCredentials.all });
}
