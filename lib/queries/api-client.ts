/** Every call from the browser to Syncline's API goes through here, so failures have one shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, "network_error", "Syncline could not be reached. Check your connection and try again.");
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  const error = new ApiError(
    response.status,
    payload?.error?.code ?? `http_${response.status}`,
    payload?.error?.message ?? (response.statusText || `The request failed with status ${response.status}`),
    payload?.error?.details,
  );
  // An expired session sends the user to sign in and back; a wrong password (also 401) does not.
  if (error.code === "unauthenticated") redirectToSignIn();
  return error;
}

let signingOut = false;

/**
 * Called as sign-out starts. Its own navigation goes to a plain /sign-in; a query that meanwhile
 * fails with 401 (the session is already gone server-side) must not replace it with
 * "sign in and come back here".
 */
export function beginSignOut(): void {
  signingOut = true;
}

function redirectToSignIn(): void {
  if (typeof window === "undefined" || signingOut || window.location.pathname === "/sign-in") return;
  const next = window.location.pathname + window.location.search;
  // This module has no router; a full load also drops every cache of the expired session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
}

/** Query-string from filters, dropping empty values so URLs stay short and cache keys stable. */
export function searchParams(filters: Record<string, string | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
