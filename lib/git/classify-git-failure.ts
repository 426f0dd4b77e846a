import type { GitFailureReason } from "./git-error";

const REDACTED = "[redacted]";

/** First match wins: an SSH key refused also says "Could not read from remote repository". */
const patterns: [GitFailureReason, RegExp][] = [
  ["host-key-mismatch", /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|host key is known for/i],
  ["tls-failed", /SSL certificate problem|server certificate verification failed|certificate verify failed|no alternative certificate subject name|unable to get local issuer|self[- ]signed certificate/i],
  ["authentication-failed", /Authentication failed|could not read (Username|Password)|terminal prompts disabled|HTTP 40[13]\b|returned error: 40[13]\b|Permission denied \(|Invalid username or password|Access denied/i],
  ["host-unreachable", /Could not resolve host|Could not resolve hostname|Failed to connect to|Connection refused|Connection timed out|No route to host|Network is unreachable|Connection reset|Operation timed out|Connection closed by|kex_exchange_identification|Empty reply from server|Couldn't connect to server/i],
  ["repository-not-found", /Repository not found|does not appear to be a git repository|HTTP 404\b|returned error: 404\b|not found/i],
];

const labels: Record<GitFailureReason, string> = {
  "authentication-failed": "authentication failed",
  "host-unreachable": "host unreachable",
  "host-key-mismatch": "host key verification failed",
  "tls-failed": "TLS certificate verification failed",
  "repository-not-found": "repository not found",
  "unknown-ref": "unknown ref",
  "unknown-commit": "unknown commit",
  timeout: "timed out",
  "credentials-unavailable": "credentials unavailable",
  unsupported: "unsupported",
  failed: "git failed",
};

export function reasonLabel(reason: GitFailureReason): string {
  return labels[reason];
}

/** Replaces every secret value, and anything that looks like an Authorization header, in git's words. */
export function scrub(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) if (secret.length >= 4) scrubbed = scrubbed.split(secret).join(REDACTED);
  return scrubbed.replace(/\b(Basic|Bearer)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`).replace(/(\w+:\/\/)[^/@\s]*:[^/@\s]*@/g, "$1");
}

/**
 * What git's stderr says went wrong, as a reason and a one-line detail: the most telling line
 * (git's "fatal:" line, or ssh's own complaint), scrubbed of `secrets`.
 */
export function classifyGitFailure(stderr: string, secrets: readonly string[]): { reason: GitFailureReason; detail: string } {
  const lines = scrub(stderr, secrets)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  for (const [reason, pattern] of patterns) {
    const line = lines.find((l) => pattern.test(l));
    if (line) return { reason, detail: tidy(line) };
  }
  const fatal = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines.at(-1) ?? "no output";
  return { reason: "failed", detail: tidy(fatal) };
}

function tidy(line: string): string {
  return line.replace(/^(fatal|error|remote):\s*/i, "").slice(0, 300);
}
