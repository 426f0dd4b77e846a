import { StatusPill } from "@/components/ui/badge";
import { ClampedText } from "@/components/ui/clamped-text";
import { TimeAgo } from "@/components/ui/time-ago";
import type { GitCredentialTestResult } from "@/lib/schemas/git-credentials";

/** A test's outcome: works or refused, when, and why in the Git host's own words. */
export function TestResult({ result, compact }: { result: GitCredentialTestResult | null; compact?: boolean }) {
  if (!result) return <span className="text-[13px] text-fg-subtle">never tested</span>;
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <StatusPill tone={result.ok ? "ok" : "fail"}>{result.ok ? "works" : "refused"}</StatusPill>
        {result.reason && <span className="font-mono text-[11px] text-fail">{result.reason}</span>}
        <span className="text-xs whitespace-nowrap text-fg-muted">
          <TimeAgo iso={result.testedAt} />
        </span>
      </span>
      {!compact && <span className="font-mono text-[11px] text-fg-subtle [overflow-wrap:anywhere]">{result.target}</span>}
      {/* In a list, "accepted the credential" repeats the pill; a refusal's words are what to act on. */}
      {result.message && !(compact && result.ok) && <ClampedText text={result.message} className="text-xs text-fg-muted" />}
    </span>
  );
}
