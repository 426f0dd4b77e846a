import { ZodError } from "zod";
import { isAppError } from "../lib/errors/app-error";

/** Prints a failure the way a shell user wants it: one clear line, no stack. Returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`syncline: ${issue.path.join(".") || "input"}: ${issue.message}`);
    return 2;
  }
  if (isAppError(error)) {
    const contexts = (error.details as { contexts?: unknown } | undefined)?.contexts;
    // A mistyped --context is fixed fastest by seeing the names there are.
    const known = Array.isArray(contexts) && contexts.length ? ` (its contexts: ${contexts.join(", ")})` : "";
    console.error(`syncline: ${error.message}${known}`);
    return 1;
  }
  console.error(`syncline: ${(error as Error).message ?? error}`);
  return 1;
}
