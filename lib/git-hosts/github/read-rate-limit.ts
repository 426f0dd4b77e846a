/** GitHub's rate-limit budget as its last answer stated it. */
export interface RateLimitBudget {
  limit: number;
  remaining: number;
  used: number | undefined;
  resetAt: Date;
  /** "core", "search", "graphql", …: each has its own budget. */
  resource: string;
}

type Headers = Record<string, string | number | undefined>;

/** The budget in an answer's x-ratelimit-* headers; undefined when the answer has none (GitHub Enterprise with limits off). */
export function readRateLimit(headers: Headers): RateLimitBudget | undefined {
  const limit = numberHeader(headers["x-ratelimit-limit"]);
  const remaining = numberHeader(headers["x-ratelimit-remaining"]);
  const reset = numberHeader(headers["x-ratelimit-reset"]);
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return {
    limit,
    remaining,
    used: numberHeader(headers["x-ratelimit-used"]),
    resetAt: new Date(reset * 1000),
    resource: String(headers["x-ratelimit-resource"] ?? "core"),
  };
}

export function numberHeader(value: string | number | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
