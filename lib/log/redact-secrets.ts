import { stdSerializers } from "pino";

export const REDACTED = "[redacted]";

// Matched anywhere in a field name, in any case: `Authorization`, `x-api-token`, `passwordHash`,
// `KubeConfig`, `kubeconfigEncrypted`, `set-cookie`, `clientSecret`…
const secretField = /authorization|token|passw(or)?d|kubeconfig|secret|cookie|credential|api[-_]?key|private[-_]?key/i;

// Secrets that travel inside ordinary strings: header values, URLs, error messages.
const secretsInText: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\bsl[st]_[\w-]{16,}/g, REDACTED],
  [/\b([\w-]*(?:token|passw(?:or)?d|secret)[\w-]*)("?\s*[:=]\s*)("?)[^\s"'&,;]+/gi, `$1$2$3${REDACTED}`],
];

export function redactText(text: string): string {
  return secretsInText.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement), text);
}

/**
 * A copy of a log record with every secret-named field censored at any depth, and tokens found
 * inside strings masked. Errors are serialized here (as pino would) so their own fields, such as
 * a request's headers, are walked too.
 */
export function redactSecrets<T>(value: T): T {
  return walk(value, new WeakSet()) as T;
}

function walk(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    if (value instanceof Error) return walkFields(stdSerializers.err(value), seen);
    if (Array.isArray(value)) return value.map((item) => walk(item, seen));
    const json = (value as { toJSON?: unknown }).toJSON;
    if (typeof json === "function") return walk(json.call(value), seen);
    return walkFields(value, seen);
  } finally {
    seen.delete(value);
  }
}

function walkFields(value: object, seen: WeakSet<object>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, secretField.test(key) ? REDACTED : walk(field, seen)]));
}
