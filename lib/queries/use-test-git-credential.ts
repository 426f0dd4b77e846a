import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { GitCredentialTestResult, TestGitCredentialInput } from "@/lib/schemas/git-credentials";
import { apiFetch, type ApiError } from "./api-client";
import { invalidateGitCredentials } from "./invalidate-git-credentials";
import { apiPaths } from "./keys";

/** Tries a credential; a refusal is a result with ok false, not an error. The list shows the last result. */
export function useTestGitCredential(id: string) {
  const queryClient = useQueryClient();
  return useMutation<GitCredentialTestResult, ApiError, TestGitCredentialInput>({
    mutationFn: (input) => apiFetch<GitCredentialTestResult>(apiPaths.testGitCredential(id), { method: "POST", body: input }),
    onSettled: () => invalidateGitCredentials(queryClient),
  });
}
