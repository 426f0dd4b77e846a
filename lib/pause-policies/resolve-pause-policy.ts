import type { EffectivePausePolicy } from "../schemas/pause-policies";
import { parseLabelSelector } from "./parse-label-selector";
import { selectorMatches } from "./selector-matches";

export interface PolicyRule {
  selector: string;
  requireReason: boolean;
  defaultExpiryMinutes: number | null;
  maxExpiryMinutes: number | null;
}

/**
 * The policy a cluster with these labels pauses under: every matching rule counts, and the
 * strictest wins each setting (a reason if any requires one, the shortest max, the shortest
 * default, never longer than the max). A stored selector that no longer parses matches nothing.
 */
export function resolvePausePolicy(rules: readonly PolicyRule[], labels: Readonly<Record<string, string>>): EffectivePausePolicy {
  const matching = rules.filter((rule) => matches(rule.selector, labels));
  const reason = matching.find((rule) => rule.requireReason);
  const max = shortest(matching, "maxExpiryMinutes");
  const fallback = shortest(matching, "defaultExpiryMinutes");
  const defaultRule = fallback && max && max.maxExpiryMinutes! < fallback.defaultExpiryMinutes! ? { minutes: max.maxExpiryMinutes!, from: max.selector } : fallback && { minutes: fallback.defaultExpiryMinutes!, from: fallback.selector };
  return {
    selectors: matching.map((rule) => rule.selector),
    requireReason: reason !== undefined,
    reasonRequiredBy: reason?.selector ?? null,
    defaultExpiryMinutes: defaultRule?.minutes ?? null,
    defaultExpiryFrom: defaultRule?.from ?? null,
    maxExpiryMinutes: max?.maxExpiryMinutes ?? null,
    maxExpiryFrom: max?.selector ?? null,
  };
}

function matches(selector: string, labels: Readonly<Record<string, string>>): boolean {
  try {
    return selectorMatches(parseLabelSelector(selector), labels);
  } catch {
    return false;
  }
}

function shortest(rules: readonly PolicyRule[], field: "maxExpiryMinutes" | "defaultExpiryMinutes"): PolicyRule | undefined {
  return rules.filter((rule) => rule[field] !== null).sort((a, b) => a[field]! - b[field]!)[0];
}
