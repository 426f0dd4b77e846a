"use client";

import { ErrorState } from "@/components/ui/error-state";
import { PageBody } from "@/components/ui/page-body";

/** A page that throws while rendering keeps the shell, and says what broke. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageBody>
      <ErrorState title="This page failed to render" error={error} onRetry={reset} />
    </PageBody>
  );
}
