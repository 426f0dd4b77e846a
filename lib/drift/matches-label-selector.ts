/**
 * Whether a map of labels (or annotations) satisfies a Kubernetes label selector expression:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, joined by commas, as
 * k8s.io/apimachinery/pkg/labels parses it. An expression that cannot be parsed matches nothing,
 * so a malformed rule never hides drift.
 */
export function matchesLabelSelector(selector: string, labels: Record<string, string> | undefined): boolean {
  const values = labels ?? {};
  const requirements = splitRequirements(selector.trim());
  if (!requirements) return false;
  return requirements.every((requirement) => {
    const set = /^([^\s!=,()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement);
    if (set) {
      const [, key, operator, list] = set as unknown as [string, string, string, string];
      const options = list.split(",").map((option) => option.trim());
      const has = key in values && options.includes(values[key]!);
      return operator === "in" ? has : !has;
    }
    const comparison = /^([^\s!=,()]+)\s*(==|=|!=)\s*([^\s!=,()]*)$/.exec(requirement);
    if (comparison) {
      const [, key, operator, value] = comparison as unknown as [string, string, string, string];
      return operator === "!=" ? values[key] !== value : values[key] === value;
    }
    const exists = /^(!?)\s*([^\s!=,()]+)$/.exec(requirement);
    if (exists) return exists[1] === "!" ? !(exists[2]! in values) : exists[2]! in values;
    return false;
  });
}

/** Splits on the commas outside parentheses; null when the parentheses do not balance. */
function splitRequirements(selector: string): string[] | null {
  if (!selector) return [];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < selector.length; index++) {
    const char = selector[index];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "," && depth === 0) {
      parts.push(selector.slice(start, index).trim());
      start = index + 1;
    }
    if (depth < 0) return null;
  }
  parts.push(selector.slice(start).trim());
  return depth === 0 ? parts : null;
}
