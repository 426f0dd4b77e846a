import { z } from "zod";
import { AppError } from "../errors/app-error";

/** One clause of a Kubernetes label selector; a selector matches when every clause does. */
export type LabelRequirement =
  | { key: string; operator: "in" | "notin"; values: string[] }
  | { key: string; operator: "exists" | "doesnotexist" };

const labelKey = z
  .string()
  .regex(/^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, "is not a valid label key (e.g. env or team.acme.io/owner)");
const labelValue = z.string().regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/, "is not a valid label value (63 characters at most: letters, digits, - _ .)");

// Clauses are separated by commas outside parentheses: `env in (prod,staging),tier!=db`.
const CLAUSES = /\s*((?:[^,(]|\([^)]*\))+)\s*(?:,|$)/gy;
const SET = /^(!?)\s*([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQUALITY = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=()]*)$/;
const EXISTENCE = /^(!?)\s*([^\s!=()]+)$/;

/**
 * Parses the label-selector syntax of `kubectl get -l`: `env=production`, `env!=dev`,
 * `env in (prod,staging)`, `env notin (dev)`, `env`, `!legacy`, joined by commas. Anything else is
 * a validation error naming the clause, so an admin never saves a selector that matches by accident.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  const source = text.trim();
  if (!source) throw invalid(text, "Give a label selector, e.g. env=production");
  const requirements: LabelRequirement[] = [];
  CLAUSES.lastIndex = 0;
  let consumed = 0;
  for (let match = CLAUSES.exec(source); match && consumed < source.length; match = CLAUSES.exec(source)) {
    consumed = CLAUSES.lastIndex;
    requirements.push(parseClause(text, match[1]!.trim()));
  }
  if (consumed < source.length || source.endsWith(",")) throw invalid(text, `"${source}" is not a label selector`);
  return requirements;
}

function parseClause(text: string, clause: string): LabelRequirement {
  const set = SET.exec(clause);
  if (set) {
    if (set[1]) throw invalid(text, `"${clause}": ! goes before a key alone (e.g. !legacy)`);
    const values = set[4]!.split(",").map((value) => value.trim());
    if (values.some((value) => !value)) throw invalid(text, `"${clause}": list at least one value, separated by commas`);
    return { key: checked(text, labelKey, set[2]!), operator: set[3] as "in" | "notin", values: values.map((value) => checked(text, labelValue, value)) };
  }
  const equality = EQUALITY.exec(clause);
  if (equality) {
    return { key: checked(text, labelKey, equality[1]!), operator: equality[2] === "!=" ? "notin" : "in", values: [checked(text, labelValue, equality[3]!)] };
  }
  const existence = EXISTENCE.exec(clause);
  if (existence) return { key: checked(text, labelKey, existence[2]!), operator: existence[1] ? "doesnotexist" : "exists" };
  throw invalid(text, `"${clause}" is not a selector clause (e.g. env=production, env in (prod,staging), !legacy)`);
}

function checked(text: string, schema: z.ZodString, value: string): string {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(text, `"${value}" ${result.error.issues[0]!.message}`);
  return value;
}

function invalid(text: string, message: string): AppError {
  return new AppError("validation_failed", message, [{ path: "selector", message, selector: text }]);
}
