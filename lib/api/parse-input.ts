import type { ZodType } from "zod";
import { AppError } from "../errors/app-error";

export type InputLocation = "path" | "query";

/**
 * Parses route parameters or a query string against a declaration's schema. A failure is the
 * same 422 `validation_failed` a bad body gets, with each detail naming where the input was.
 */
export function parseInput(location: InputLocation, schema: ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ in: location, path: issue.path.join("."), message: issue.message }));
  const what = location === "path" ? "route parameters" : "query parameters";
  throw new AppError("validation_failed", `The ${what} are not valid: ${details.map((d) => d.path || "(all)").join(", ")}`, details);
}
