/** The web root that goes with a REST API root: github.com for api.github.com, the host itself for `<host>/api/v3`. */
export function githubWebUrl(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/$/, "")}`;
}
