import { isApiError } from "@/lib/queries/api-client";
import { Button } from "./button";
import { AlertIcon, RefreshIcon } from "./icons";

interface ErrorStateProps {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** Shows the API's own code and message, so what the user reads is what support can search for. */
export function ErrorState({ title = "Could not load this", error, onRetry, retrying }: ErrorStateProps) {
  const code = isApiError(error) ? error.code : "client_error";
  const message = error instanceof Error ? error.message : String(error);
  return (
    <section role="alert" className="flex items-start gap-3 rounded-lg border border-fail/30 bg-fail-soft px-4 py-3">
      <AlertIcon className="mt-0.5 shrink-0 text-fail" />
      <div className="min-w-0 flex-1">
        <h2 className="text-[13px] font-semibold text-fg">{title}</h2>
        <p className="mt-0.5 text-[13px] text-fg-muted">{message}</p>
        <code className="mt-1 inline-block font-mono text-[11px] text-fail">{code}</code>
      </div>
      {onRetry && (
        <Button size="sm" icon={<RefreshIcon />} onClick={onRetry} busy={retrying}>
          Retry
        </Button>
      )}
    </section>
  );
}
