import { useQuery } from "@tanstack/react-query";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";
import { apiFetch } from "./api-client";
import { apiPaths, keys } from "./keys";

export function useGitCredentials() {
  return useQuery({
    queryKey: keys.gitCredentials.list(),
    queryFn: async ({ signal }) => (await apiFetch<{ items: GitCredentialDto[] }>(apiPaths.gitCredentials, { signal })).items,
  });
}
