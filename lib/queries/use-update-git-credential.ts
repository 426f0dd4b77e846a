import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GitCredentialDto, UpdateGitCredentialInput } from "@/lib/schemas/git-credentials";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateGitCredentials } from "./invalidate-git-credentials";
import { apiPaths } from "./keys";

/** Renames, re-scopes or rotates one credential; a rotation sends only the new secret. */
export function useUpdateGitCredential(id: string) {
  const queryClient = useQueryClient();
  return useMutation<GitCredentialDto, ApiError, UpdateGitCredentialInput>({
    mutationFn: (input) => apiFetch<GitCredentialDto>(apiPaths.gitCredential(id), { method: "PATCH", body: input }),
    onSuccess: () => invalidateGitCredentials(queryClient),
  });
}
