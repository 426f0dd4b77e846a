"use client";

import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { UserDto } from "@/lib/schemas/users";
import { useUpdateUser } from "@/lib/queries/use-update-user";

/** Confirms disabling (or enabling) a user: disabling signs them out everywhere at once. */
export function DisableUserDialog({ user, open, onClose }: { user: UserDto; open: boolean; onClose: () => void }) {
  const update = useUpdateUser(user.id);
  const toast = useToast();
  const disabling = user.disabledAt === null;

  const confirm = () =>
    update.mutate(
      { disabled: disabling },
      {
        onSuccess: (changed) => {
          toast({ tone: "ok", title: disabling ? `Disabled ${changed.name}` : `Enabled ${changed.name}` });
          onClose();
        },
      },
    );

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="sm"
      title={disabling ? `Disable ${user.name}?` : `Enable ${user.name}?`}
      description={
        disabling
          ? "They are signed out everywhere at once, cannot sign in, and their API tokens are refused until an admin enables them again."
          : "They can sign in again with their password, and their API tokens work again unless revoked or expired."
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant={disabling ? "danger" : "primary"} onClick={confirm} busy={update.isPending}>
            {disabling ? "Disable user" : "Enable user"}
          </Button>
        </>
      }
    >
      {update.error ? (
        <ApiErrorNotice error={update.error} title={disabling ? "The user was not disabled" : "The user was not enabled"} />
      ) : (
        <p className="text-[13px] text-fg-muted">This is recorded in the audit trail with your name.</p>
      )}
    </Dialog>
  );
}
