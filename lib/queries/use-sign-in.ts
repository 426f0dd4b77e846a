import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "./api-client";
import { apiPaths } from "./keys";

export interface SignedInUser {
  id: string;
  name: string;
  email: string | null;
  role: "viewer" | "operator" | "admin";
}

export function useSignIn() {
  return useMutation({
    mutationFn: (input: { name: string; password: string }) => apiFetch<SignedInUser>(apiPaths.signIn, { method: "POST", body: input }),
  });
}
