/** GitHub's REST API root for a host: api.github.com for github.com, `/api/v3` on a GitHub Enterprise Server. */
export function githubApiBaseUrl(host: string): string {
  const normalized = host.toLowerCase();
  return normalized === "github.com" || normalized === "www.github.com" ? "https://api.github.com" : `https://${normalized}/api/v3`;
}
