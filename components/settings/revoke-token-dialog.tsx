"use client";

import { ApiErrorNotice } from "@/components/clusters/api-error-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import { useRevokeApiToken } from "@/lib/queries/use-revoke-api-token";

export function RevokeTokenDialog({ token, onClose }: { token: ApiTokenSummary | null; onClose: () => void }) {
  const revoke = useRevokeApiToken();
  const toast = useToast();

  const close = () => {
    revoke.reset();
    onClose();
  };

  const confirm = () =>
    token &&
    revoke.mutate(token.id, {
      onSuccess: () => {
        toast({ tone: "ok", title: `Revoked ${token.name}`, description: "Its next request gets 401." });
        close();
      },
    });

  return (
    <Dialog
      open={!!token}
      onClose={close}
      size="sm"
      title={`Revoke ${token?.name ?? "token"}?`}
      description="Scripts using it stop working at their next request. This cannot be undone."
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" onClick={confirm} busy={revoke.isPending}>
            Revoke token
          </Button>
        </>
      }
    >
      <p className="text-[13px] text-fg-muted">
        Token <span className="font-mono text-fg">{token?.prefix}…</span>
      </p>
      {revoke.error && (
        <div className="mt-3">
          <ApiErrorNotice error={revoke.error} title="The token was not revoked" />
        </div>
      )}
    </Dialog>
  );
}
