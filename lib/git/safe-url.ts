/**
 * A Git URL fit to show, store and log: the user name and password of an HTTP(S) URL are removed
 * (hosts take tokens in either), an SSH URL keeps its user (e.g. `git@`), which is no secret.
 */
export function safeUrl(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    if (/^https?:$/.test(parsed.protocol)) parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//");
  }
}

/** SSH: ssh:// URLs and scp-like `user@host:path`; everything else git reaches over HTTP(S) or locally. */
export function isSshUrl(url: string): boolean {
  if (/^ssh:\/\//i.test(url)) return true;
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && /^[^/:]+:/.test(url);
}
