/**
 * One spelling per API server, so that two kubeconfigs naming the same server compare equal:
 * lower-case host, no default port, no trailing slash. Anything unparsable is returned as given.
 */
export function normalizeServerUrl(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return server;
  }
  // URL already lower-cases the host and drops the scheme's default port.
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}
