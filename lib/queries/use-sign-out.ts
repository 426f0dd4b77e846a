import { useMutation } from "@tanstack/react-query";
import { apiFetch, beginSignOut } from "./api-client";
import { apiPaths } from "./keys";

/** Signs out, then loads /sign-in afresh. */
export function useSignOut() {
  return useMutation({
    onMutate: beginSignOut,
    mutationFn: () => apiFetch<void>(apiPaths.signOut, { method: "POST" }),
    onSettled: () => {
      // A full load, not a client-side route change: it drops every cached query and the event
      // stream of the session that just ended.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/sign-in");
    },
  });
}
