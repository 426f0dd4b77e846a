import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ResetPasswordInput } from "@/lib/schemas/users";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation<{ generatedPassword?: string }, ApiError, ResetPasswordInput>({
    mutationFn: (input) => apiFetch<{ generatedPassword?: string }>(apiPaths.userPassword(id), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.audit.all }),
  });
}
