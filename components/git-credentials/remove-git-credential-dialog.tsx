"use client";

import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useRemoveGitCredential } from "@/lib/queries/use-remove-git-credential";
import type { GitCredentialDto } from "@/lib/schemas/git-credentials";

export function RemoveGitCredentialDialog({ credential, onClose }: { credential: GitCredentialDto | null; onClose: () => void }) {
  const remove = useRemoveGitCredential();
  const toast = useToast();

  const close = () => {
    remove.reset();
    onClose();
  };

  const confirm = () =>
    credential &&
    remove.mutate(credential.id, {
      onSuccess: () => {
        toast({ tone: "ok", title: `Removed the Git credential ${credential.name}` });
        close();
      },
    });

  return (
    <Dialog
      open={!!credential}
      onClose={close}
      size="sm"
      title={`Remove ${credential?.name ?? ""}?`}
      description={`Repositories at ${credential?.urlPattern ?? ""} are then read without it, or with the next credential that matches them.`}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" onClick={confirm} busy={remove.isPending}>
            Remove credential
          </Button>
        </>
      }
    >
      {remove.error ? (
        <ApiErrorNotice error={remove.error} title="The credential was not removed" />
      ) : (
        <p className="text-[13px] text-fg-muted">The encrypted secret is deleted. This is recorded in the audit trail.</p>
      )}
    </Dialog>
  );
}
