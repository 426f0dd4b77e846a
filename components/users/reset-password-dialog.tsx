"use client";

import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { UserDto } from "@/lib/schemas/users";
import { useResetPassword } from "@/lib/queries/use-reset-password";
import { ShownOncePassword } from "./shown-once-password";

/** Asks first, then shows the generated password once; the user's sessions end with the old one. */
export function ResetPasswordDialog({ user, open, onClose }: { user: UserDto; open: boolean; onClose: () => void }) {
  const reset = useResetPassword(user.id);
  const password = reset.data?.generatedPassword;

  if (password) {
    return (
      <Dialog open={open} onClose={onClose} size="sm" title={`New password for ${user.name}`} footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
        <ShownOncePassword userName={user.name} password={password} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="sm"
      title={`Reset the password of ${user.name}?`}
      description="Syncline generates a new password and shows it to you once. The old password stops working and they are signed out everywhere; their API tokens keep working."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={() => reset.mutate({})} busy={reset.isPending}>
            Reset password
          </Button>
        </>
      }
    >
      {reset.error ? (
        <ApiErrorNotice error={reset.error} title="The password was not reset" />
      ) : (
        <p className="text-[13px] text-fg-muted">This is recorded in the audit trail with your name.</p>
      )}
    </Dialog>
  );
}
