import type { SourceFormValues } from "./source-form-values";

/** What every part of the source form gets: the values, a setter, the API's issues by field, and whether it edits a stored source. */
export interface SourceFormPartProps {
  values: SourceFormValues;
  set: <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) => void;
  errors: Record<string, string>;
  editing: boolean;
}

/** The ARIA wiring of one input to its error or its hint, matching the ids Field gives them. */
export function fieldAria(id: string, error: string | undefined, hasHint = false) {
  return { id, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : hasHint ? `${id}-hint` : undefined };
}
