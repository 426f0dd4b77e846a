import type { LabelRequirement } from "./parse-label-selector";

/** Kubernetes semantics: `!=` and `notin` also match when the key is absent. */
export function selectorMatches(requirements: readonly LabelRequirement[], labels: Readonly<Record<string, string>>): boolean {
  return requirements.every((requirement) => {
    const has = Object.hasOwn(labels, requirement.key);
    switch (requirement.operator) {
      case "exists":
        return has;
      case "doesnotexist":
        return !has;
      case "in":
        return has && requirement.values.includes(labels[requirement.key]!);
      case "notin":
        return !has || !requirement.values.includes(labels[requirement.key]!);
    }
  });
}
