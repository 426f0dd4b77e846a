import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewPausePolicyInput, PausePolicyDto } from "@/lib/schemas/pause-policies";
import { apiFetch, type ApiError } from "./api-client";
import { invalidatePausePolicies } from "./invalidate-pause-policies";
import { apiPaths } from "./keys";

/** Adds a policy, or changes the one named by `id`; every cluster's applicable policy is re-read. */
export function useSavePausePolicy(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation<PausePolicyDto, ApiError, NewPausePolicyInput>({
    mutationFn: (input) =>
      id ? apiFetch<PausePolicyDto>(apiPaths.pausePolicy(id), { method: "PATCH", body: input }) : apiFetch<PausePolicyDto>(apiPaths.pausePolicies, { method: "POST", body: input }),
    onSuccess: () => invalidatePausePolicies(queryClient),
  });
}
