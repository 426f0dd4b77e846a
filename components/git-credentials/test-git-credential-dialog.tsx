"use client";

import { useState, type FormEvent } from "react";
import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { useTestGitCredential } from "@/lib/queries/use-test-git-credential";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";
import { issuesByField } from "./credential-fields";
import { isGithubKind } from "./credential-kinds";
import { TestResult } from "./test-result";

/** Tries a credential: git ls-remote of a repository, or for GitHub kinds a call to the GitHub API. */
export function TestGitCredentialDialog({ credential, onClose }: { credential: GitCredentialDto | null; onClose: () => void }) {
  return credential && <TestForm key={credential.id} credential={credential} onClose={onClose} />;
}

function TestForm({ credential, onClose }: { credential: GitCredentialDto; onClose: () => void }) {
  const test = useTestGitCredential(credential.id);
  const github = isGithubKind(credential.kind);
  const [url, setUrl] = useState(() => suggestedUrl(credential.urlPattern));
  const urlError = issuesByField(test.error).url;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.mutate(github ? {} : { url: url.trim() });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Test ${credential.name}`}
      description={github ? "Asks the GitHub API with it, as Syncline will when it reads pull requests." : "Lists a repository's branches with git ls-remote, as Syncline will when it reads commits."}
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          <Button type="submit" form="test-git-credential-form" variant="primary" busy={test.isPending} disabled={!github && !url.trim()}>
            Run test
          </Button>
        </>
      }
    >
      <form id="test-git-credential-form" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {!github && (
          <Field label="Repository URL" htmlFor="test-git-credential-url" error={urlError} hint={`A repository at ${credential.urlPattern}`}>
            <TextInput
              id="test-git-credential-url"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              aria-invalid={!!urlError}
              aria-describedby={urlError ? "test-git-credential-url-error" : "test-git-credential-url-hint"}
            />
          </Field>
        )}
        <div role="status" aria-live="polite" aria-label="Test result" className="rounded-md border border-line bg-canvas px-3 py-2.5">
          {test.isPending ? (
            <span className="text-[13px] text-fg-muted">Testing…</span>
          ) : test.data ? (
            <TestResult result={test.data} />
          ) : (
            <>
              <p className="mb-1 text-xs font-medium text-fg-muted">Last test</p>
              <TestResult result={credential.lastTestResult} />
            </>
          )}
        </div>
        {test.error && !urlError && <ApiErrorNotice error={test.error} title="The test did not run" />}
      </form>
    </Dialog>
  );
}

/** A URL prefix is a good start for the repository to try; a bare host is not a repository. */
function suggestedUrl(urlPattern: string): string {
  return /^(https?|ssh):\/\//i.test(urlPattern) || urlPattern.includes("@") ? urlPattern : "";
}
