import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UpdateUserInput, UserDto } from "@/lib/schemas/users";
import { apiFetch, type ApiError } from "./api-client";
import { apiPaths, keys } from "./keys";

/** Role, e-mail address, or disabled; the list shows the answer at once. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation<UserDto, ApiError, UpdateUserInput>({
    mutationFn: (input) => apiFetch<UserDto>(apiPaths.user(id), { method: "PATCH", body: input }),
    onSuccess: (user) => {
      queryClient.setQueryData<UserDto[]>(keys.users.list(), (list) => list?.map((row) => (row.id === user.id ? user : row)));
      void queryClient.invalidateQueries({ queryKey: keys.audit.all });
      return queryClient.invalidateQueries({ queryKey: keys.users.all });
    },
  });
}
