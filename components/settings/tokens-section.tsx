"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon } from "@/components/ui/icons";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { ApiTokenSummary } from "@/lib/schemas/tokens";
import { useApiTokens } from "@/lib/queries/use-api-tokens";
import { CreateTokenDialog } from "./create-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { SettingsHeading } from "./settings-heading";
import { TokensTable } from "./tokens-table";

export function TokensSection() {
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenSummary | null>(null);
  const createButton = (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
      Create token
    </Button>
  );

  return (
    <section aria-labelledby="settings-api-tokens" className="flex flex-col gap-3">
      <SettingsHeading id="settings-api-tokens" title="API tokens" description="Personal tokens for scripts and the API. Each acts as you, with your role." actions={createButton} />
      {tokens.isPending ? (
        <TableSkeleton label="Loading your API tokens" columns={6} rows={3} />
      ) : tokens.isError ? (
        <ErrorState title="Could not load your API tokens" error={tokens.error} onRetry={() => tokens.refetch()} retrying={tokens.isFetching} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No API tokens yet">Create one for a script or CI job; it is shown once, then only its first characters.</EmptyState>
      ) : (
        <TokensTable tokens={tokens.data} onRevoke={setRevoking} />
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </section>
  );
}
