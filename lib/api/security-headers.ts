interface SecurityHeaderOptions {
  /** The per-request nonce that lets Syncline's own inline scripts run; absent for non-HTML answers. */
  nonce?: string;
  /** HSTS is only meaningful, and only sent, when a trusted proxy says the request came over HTTPS. */
  https: boolean;
  /** Next.js's development runtime evaluates code and talks to its dev server over a WebSocket. */
  development?: boolean;
}

/**
 * The headers every Syncline answer carries: a Content-Security-Policy that lets only Syncline's
 * own scripts run, refusal to be framed by any page (clickjacking an operator's "Suspend"), no
 * MIME sniffing, no URLs leaked to other sites, and HSTS over HTTPS.
 */
export function securityHeaders({ nonce, https, development = false }: SecurityHeaderOptions): [string, string][] {
  const headers: [string, string][] = [
    ["content-security-policy", contentSecurityPolicy(nonce, development)],
    ["x-frame-options", "DENY"],
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "same-origin"],
    ["cross-origin-opener-policy", "same-origin"],
  ];
  if (https) headers.push(["strict-transport-security", "max-age=31536000"]);
  return headers;
}

function contentSecurityPolicy(nonce: string | undefined, development: boolean): string {
  const scripts = ["'self'", nonce && `'nonce-${nonce}'`, development && "'unsafe-eval'"].filter(Boolean).join(" ");
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}`,
    `style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}`,
    // React renders computed widths (table columns, count bars) as style attributes, which no
    // nonce can cover; they can restyle but never run code. Style elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}
