import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateGitCredentials } from "./invalidate-git-credentials";
import { apiPaths } from "./keys";

export function useRemoveGitCredential() {
  const queryClient = useQueryClient();
  return useMutation<GitCredentialDto, ApiError, string>({
    mutationFn: (id) => apiFetch<GitCredentialDto>(apiPaths.gitCredential(id), { method: "DELETE" }),
    onSuccess: () => invalidateGitCredentials(queryClient),
  });
}
