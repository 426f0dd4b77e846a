"use client";

import { Badge } from "@/components/ui/badge";
import { formatAbsolute, useNow } from "@/components/ui/time-ago";
import type { GitCredentialRateLimitDto } from "@/lib/schemas/git-credentials";
import { describeRateLimit, rateLimitLow } from "./describe-rate-limit";

/** The GitHub API budget a credential has left, as GitHub's last answer stated it. */
export function RateLimitBudget({ budget }: { budget: GitCredentialRateLimitDto | null }) {
  const now = new Date(useNow());
  if (!budget) return <span className="text-[13px] text-fg-subtle">not used yet</span>;
  const text = describeRateLimit(budget, now);
  return (
    <span className="flex flex-col gap-0.5 text-[13px]">
      {rateLimitLow(budget, now) ? <Badge tone="warn">{text}</Badge> : <span>{text}</span>}
      <span className="text-[11px] text-fg-subtle">as of {formatAbsolute(budget.observedAt)}</span>
    </span>
  );
}
