import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ChangeOwnPasswordInput } from "@/lib/schemas/account";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useChangeOwnPassword() {
  const queryClient = useQueryClient();
  return useMutation<{ endedSessions: number }, ApiError, ChangeOwnPasswordInput>({
    mutationFn: (input) => apiFetch<{ endedSessions: number }>(apiPaths.myPassword, { method: "PUT", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.audit.all }),
  });
}
