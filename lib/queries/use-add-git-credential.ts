import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GitCredentialDto, NewGitCredentialInput } from "@/lib/schemas/git-credentials";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateGitCredentials } from "./invalidate-git-credentials";
import { apiPaths } from "./keys";

export function useAddGitCredential() {
  const queryClient = useQueryClient();
  return useMutation<GitCredentialDto, ApiError, NewGitCredentialInput>({
    mutationFn: (input) => apiFetch<GitCredentialDto>(apiPaths.gitCredentials, { method: "POST", body: input }),
    onSuccess: () => invalidateGitCredentials(queryClient),
  });
}
