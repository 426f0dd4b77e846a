import { isScalar, parse, parseDocument, visit } from "yaml";

export interface KubeconfigContexts {
  contexts: string[];
  current: string | null;
  /** Why the text is not a kubeconfig, for a hint under the field; the server has the final say. */
  problem: string | null;
}

/** Reads context names in the browser, so the picker fills as soon as a kubeconfig is pasted. */
export function kubeconfigContexts(text: string): KubeconfigContexts {
  if (!text.trim()) return { contexts: [], current: null, problem: null };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return { contexts: [], current: null, problem: `Not valid YAML: ${(error as Error).message.split("\n")[0]}` };
  }
  if (!doc || typeof doc !== "object" || !Array.isArray((doc as { contexts?: unknown }).contexts)) {
    return { contexts: [], current: null, problem: "This does not look like a kubeconfig: it has no contexts list" };
  }
  const config = doc as { contexts: Array<{ name?: unknown }>; "current-context"?: unknown };
  const contexts = config.contexts.map((context) => context?.name).filter((name): name is string => typeof name === "string");
  const current = typeof config["current-context"] === "string" && contexts.includes(config["current-context"]) ? config["current-context"] : null;
  return { contexts, current, problem: contexts.length ? null : "This kubeconfig has no named contexts" };
}

/** The API server a kubeconfig's context points at, or null when the text does not say. */
export function kubeconfigServer(text: string, context: string): string | null {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return null;
  }
  const config = doc as { contexts?: Array<{ name?: unknown; context?: { cluster?: unknown } }>; clusters?: Array<{ name?: unknown; cluster?: { server?: unknown } }> } | null;
  const clusterName = config?.contexts?.find?.((entry) => entry?.name === context)?.context?.cluster;
  const server = config?.clusters?.find?.((entry) => entry?.name === clusterName)?.cluster?.server;
  return typeof server === "string" ? server : null;
}

// Keys whose values are credentials: a user's token, key, password, and auth-provider secrets.
const SECRET_KEYS = new Set(["token", "client-key-data", "password", "client-secret", "id-token", "refresh-token", "access-token"]);
const SECRET_LINE = new RegExp(`^(\\s*(?:-\\s+)?(["']?)(?:${[...SECRET_KEYS].join("|")})\\2\\s*:[ \\t]*)\\S.*$`);
export const MASK = "••••••••";

/**
 * The kubeconfig as the form shows it: every credential value replaced by a mask, everything else
 * as pasted (servers, names, certificates, which are public). Values are found by the YAML parser,
 * so flow style, JSON and multi-line scalars are covered; text that does not parse yet is masked
 * line by line, from the key to the end of its line.
 */
export function maskKubeconfigSecrets(text: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text.split("\n").map((line) => line.replace(SECRET_LINE, (_match, key: string) => `${key}${MASK}`)).join("\n");
  const ranges: Array<{ start: number; end: number; quote: string }> = [];
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || !SECRET_KEYS.has(String(pair.key.value)) || !isScalar(pair.value) || !pair.value.range) return;
      if (pair.value.value === null || pair.value.value === "") return;
      const [start, end] = pair.value.range;
      const quote = pair.value.type === "QUOTE_DOUBLE" ? '"' : pair.value.type === "QUOTE_SINGLE" ? "'" : "";
      ranges.push({ start, end, quote });
    },
  });
  return ranges
    .sort((a, b) => b.start - a.start)
    .reduce((masked, { start, end, quote }) => `${masked.slice(0, start)}${quote}${MASK}${quote}${masked.slice(end).replace(/^[ \t]*(?=\n|$)/, "")}`, text);
}

/** "env=staging, team=payments" → {env: "staging", team: "payments"}; reports the first bad entry. */
export function parseLabels(text: string): { labels: Record<string, string>; problem: string | null } {
  const labels: Record<string, string> = {};
  for (const entry of text.split(/[,\s]+/).filter(Boolean)) {
    const match = /^([A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?)=([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/.exec(entry);
    if (!match) return { labels, problem: `"${entry}" is not key=value` };
    labels[match[1]!] = match[3] ?? "";
  }
  return { labels, problem: null };
}

export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}
