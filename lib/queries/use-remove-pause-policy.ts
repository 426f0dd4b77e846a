import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PausePolicyDto } from "@/lib/schemas/pause-policies";
import { apiFetch, type ApiError } from "./api-client";
import { invalidatePausePolicies } from "./invalidate-pause-policies";
import { apiPaths } from "./keys";

export function useRemovePausePolicy() {
  const queryClient = useQueryClient();
  return useMutation<PausePolicyDto, ApiError, string>({
    mutationFn: (id) => apiFetch<PausePolicyDto>(apiPaths.pausePolicy(id), { method: "DELETE" }),
    onSuccess: () => invalidatePausePolicies(queryClient),
  });
}
