import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AddedUserDto, NewUserInput } from "@/lib/schemas/users";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useAddUser() {
  const queryClient = useQueryClient();
  return useMutation<AddedUserDto, ApiError, NewUserInput>({
    mutationFn: (input) => apiFetch<AddedUserDto>(apiPaths.users, { method: "POST", body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.users.all });
    },
  });
}
