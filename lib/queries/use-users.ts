import { useQuery } from "@tanstack/react-query";
import type { UserDto } from "@/lib/schemas/users";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.users.list(),
    queryFn: ({ signal }) => apiFetch<UserDto[]>(apiPaths.users, { signal }),
    enabled,
  });
}
