"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isApiError } from "@/lib/queries/api-client";

// Retrying these cannot succeed: the caller must sign in, lacks the role, or asked for
// something that is not there or not valid.
const FINAL_STATUSES = new Set([401, 403, 404, 422]);

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && FINAL_STATUSES.has(error.status)) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Live updates arrive over /api/events, so refetching on every focus adds only load.
          queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
