/** Only same-site paths: "?next=https://evil.example" or "//evil.example" must not redirect away. */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.startsWith("/sign-in")) {
    return "/clusters";
  }
  return value;
}
