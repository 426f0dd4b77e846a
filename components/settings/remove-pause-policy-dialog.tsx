"use client";

import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useRemovePausePolicy } from "@/lib/queries/use-remove-pause-policy";
import type { PausePolicyDto } from "@/lib/schemas/pause-policies";

export function RemovePausePolicyDialog({ policy, onClose }: { policy: PausePolicyDto | null; onClose: () => void }) {
  const remove = useRemovePausePolicy();
  const toast = useToast();

  const close = () => {
    remove.reset();
    onClose();
  };

  const confirm = () =>
    policy &&
    remove.mutate(policy.id, {
      onSuccess: () => {
        toast({ tone: "ok", title: `Removed the pause policy for ${policy.selector}` });
        close();
      },
    });

  return (
    <Dialog
      open={!!policy}
      onClose={close}
      size="sm"
      title={`Remove the pause policy for ${policy?.selector ?? ""}?`}
      description="New pauses of these clusters are no longer held to it. Pauses already made keep their expiry."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" onClick={confirm} busy={remove.isPending}>
            Remove policy
          </Button>
        </>
      }
    >
      {remove.error ? <ApiErrorNotice error={remove.error} title="The policy was not removed" /> : <p className="text-[13px] text-fg-muted">This is recorded in the audit trail.</p>}
    </Dialog>
  );
}
