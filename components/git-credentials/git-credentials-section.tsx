"use client";

import { useState } from "react";
import { SettingsHeading } from "@/components/settings/settings-heading";
import { useCan } from "@/components/shell/session-context";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon } from "@/components/ui/icons";
import { TableSkeleton } from "@/components/ui/skeleton";
import { useGitCredentials } from "@/lib/queries/use-git-credentials";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";
import { AddGitCredentialDialog } from "./add-git-credential-dialog";
import { EditGitCredentialDialog } from "./edit-git-credential-dialog";
import { GitCredentialsTable, type GitCredentialActions } from "./git-credentials-table";
import { RemoveGitCredentialDialog } from "./remove-git-credential-dialog";
import { RotateGitCredentialDialog } from "./rotate-git-credential-dialog";
import { TestGitCredentialDialog } from "./test-git-credential-dialog";

type Open = { dialog: "test" | "edit" | "rotate" | "remove"; credential: GitCredentialDto } | null;

/** Everyone sees which credentials exist and whether they work; operators test them; admins manage them. */
export function GitCredentialsSection() {
  const credentials = useGitCredentials();
  const canManage = useCan("git.credentials.manage");
  const canTest = useCan("git.credentials.test");
  const [adding, setAdding] = useState<number | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const opener = (dialog: NonNullable<Open>["dialog"]) => (credential: GitCredentialDto) => setOpen({ dialog, credential });
  const actions: GitCredentialActions = {
    ...(canTest ? { onTest: opener("test") } : {}),
    ...(canManage ? { onEdit: opener("edit"), onRotate: opener("rotate"), onRemove: opener("remove") } : {}),
  };
  const close = () => setOpen(null);
  const of = (dialog: NonNullable<Open>["dialog"]) => (open?.dialog === dialog ? open.credential : null);
  const addButton = canManage && (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => setAdding((count) => (count ?? 0) + 1)}>
      Add credential
    </Button>
  );

  return (
    <section aria-labelledby="settings-git-credentials" className="flex flex-col gap-3">
      <SettingsHeading
        id="settings-git-credentials"
        title="Git credentials"
        description="How Syncline reads commits, authors and pull requests from your Git hosts. Each is used for the repositories its URL pattern matches; secrets are stored encrypted and never shown."
        actions={addButton}
      />
      {credentials.isPending ? (
        <TableSkeleton label="Loading the Git credentials" columns={6} rows={2} />
      ) : credentials.isError ? (
        <ErrorState title="Could not load the Git credentials" error={credentials.error} onRetry={() => credentials.refetch()} retrying={credentials.isFetching} />
      ) : credentials.data.length === 0 ? (
        <EmptyState title="No Git credentials">
          Public repositories are read without one.{canManage ? " Add a token, an SSH key or a GitHub App for private repositories and for pull-request details." : " An admin can add one for private repositories."}
        </EmptyState>
      ) : (
        <GitCredentialsTable credentials={credentials.data} actions={actions} />
      )}
      {adding !== null && <AddGitCredentialDialog key={adding} open onClose={() => setAdding(null)} />}
      <TestGitCredentialDialog credential={of("test")} onClose={close} />
      <EditGitCredentialDialog credential={of("edit")} onClose={close} />
      <RotateGitCredentialDialog credential={of("rotate")} onClose={close} />
      <RemoveGitCredentialDialog credential={of("remove")} onClose={close} />
    </section>
  );
}
