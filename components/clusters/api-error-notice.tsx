import { AlertIcon } from "@/components/ui/icons";
import type { ApiError } from "@/lib/queries/api-client";

const advice: Record<string, string> = {
  cluster_unreachable: "Check that the API server address in the kubeconfig is reachable from the Syncline server.",
  cluster_tls_failed: "The server's certificate did not match the kubeconfig's certificate-authority data.",
  cluster_unauthorized: "The credentials were refused; the token or client certificate may have expired.",
  cluster_forbidden: "The credentials work but may not list Flux objects; grant list, watch and patch on Flux kinds.",
  flux_not_installed: "Install Flux on the cluster first (flux install), then add it again.",
};

/** An API failure inline in a form: the server's message, its code, and what to try next. */
export function ApiErrorNotice({ error, title }: { error: ApiError; title: string }) {
  return (
    <div role="alert" className="flex gap-2.5 rounded-md border border-fail/30 bg-fail-soft px-3 py-2.5 text-[13px]">
      <AlertIcon className="mt-0.5 shrink-0 text-fail" />
      <div className="min-w-0">
        <p className="font-medium">{title}</p>
        <p className="mt-0.5 break-words text-fg-muted">{error.message}</p>
        {advice[error.code] && <p className="mt-1 text-xs text-fg-muted">{advice[error.code]}</p>}
        {fieldIssues(error.details).map((issue) => (
          <p key={issue.path} className="mt-1 text-xs text-fg-muted">
            <span className="font-mono">{issue.path || "request"}</span>: {issue.message}
          </p>
        ))}
        <code className="mt-1 inline-block font-mono text-[11px] text-fail">{error.code}</code>
      </div>
    </div>
  );
}

/** A 422's details: which field was refused and why. */
function fieldIssues(details: unknown): Array<{ path: string; message: string }> {
  if (!Array.isArray(details)) return [];
  return details.filter((issue): issue is { path: string; message: string } => typeof issue?.path === "string" && typeof issue?.message === "string");
}
