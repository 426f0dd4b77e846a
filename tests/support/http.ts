/**
 * Calls a Next.js route handler the way Next.js does: a Web Request in, a Response out. Route
 * handlers are plain functions, so specs exercise the real wrapper, parsing and error mapping.
 */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const ORIGIN = "http://syncline.test";

export async function call(
  handler: Handler,
  init: { method?: string; path?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
) {
  const headers = new Headers({ host: "syncline.test", ...init.headers });
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`${ORIGIN}${init.path ?? "/api/test"}`, { method: init.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  // Specs assert on the JSON they expect; typing every response shape here would only restate them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as any) : undefined };
}

export function sessionCookieFrom(headers: Headers): string {
  const cookie = headers.get("set-cookie");
  if (!cookie) throw new Error("no session cookie was set");
  return cookie.split(";")[0]!;
}
