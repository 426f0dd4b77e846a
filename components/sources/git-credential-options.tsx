import type { useGitCredentials } from "@/lib/queries/use-git-credentials";

/** The stored Git credentials as a select's options, by name and the repositories they are for; never a secret. */
export function GitCredentialOptions({ credentials }: { credentials: ReturnType<typeof useGitCredentials> }) {
  return (
    <>
      <option value="">{credentials.isPending ? "Loading…" : "Choose a credential"}</option>
      {credentials.data?.map((credential) => (
        <option key={credential.id} value={credential.id}>
          {credential.name} ({credential.urlPattern})
        </option>
      ))}
    </>
  );
}
