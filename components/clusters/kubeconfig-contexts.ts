import { parse } from "yaml";

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
