const FALLBACK = "/clusters";
// Any origin will do: only whether the path stays on it matters, never which host it is.
const BASE = "http://syncline.invalid";

/**
 * Where to go after signing in: only a path on Syncline itself. The browser, not a string test,
 * decides where "/\t/evil", "/\\evil" or "//evil" lead, so the value is resolved as a browser
 * resolves it and kept only when it stays on the same origin.
 */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith("/")) return FALLBACK;
  let target: URL;
  try {
    target = new URL(value, BASE);
  } catch {
    return FALLBACK;
  }
  // The serialized form has no control characters left to break a Location header, but "/.//x"
  // serializes to "//x", which a browser would read as another host.
  const path = target.pathname + target.search + target.hash;
  if (target.origin !== BASE || path.startsWith("//") || /^\/sign-in(\/|\?|#|$)/.test(path)) return FALLBACK;
  return path;
}
