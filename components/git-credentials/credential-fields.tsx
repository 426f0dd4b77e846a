"use client";

import { Field, TextArea, TextInput } from "@/components/ui/field";
import type { ApiError } from "@/lib/queries/api-client";
import type { CredentialFieldSpec } from "./credential-kinds";

export type FieldValues = Partial<Record<string, string>>;

interface CredentialFieldsProps {
  /** Prefixes the inputs' ids, so two forms never share one. */
  idPrefix: string;
  fields: CredentialFieldSpec[];
  values: FieldValues;
  onChange: (key: string, value: string) => void;
  errors: Record<string, string>;
}

/**
 * The fields of one credential kind. Secret fields start empty and are never filled from the
 * server: the browser only ever sends a secret, it never receives one.
 */
export function CredentialFields({ idPrefix, fields, values, onChange, errors }: CredentialFieldsProps) {
  return fields.map((spec) => {
    const id = `${idPrefix}-${spec.key}`;
    const error = errors[spec.key];
    const common = {
      id,
      value: values[spec.key] ?? "",
      placeholder: spec.placeholder,
      autoComplete: "off",
      spellCheck: false,
      "aria-invalid": !!error,
      "aria-describedby": error ? `${id}-error` : spec.hint ? `${id}-hint` : undefined,
    };
    return (
      <Field key={spec.key} label={spec.label} htmlFor={id} hint={spec.hint} error={error}>
        {spec.multiline ? (
          <TextArea {...common} rows={spec.secret ? 5 : 3} onChange={(event) => onChange(spec.key, event.target.value)} />
        ) : (
          <TextInput
            {...common}
            type={spec.secret ? "password" : "text"}
            autoComplete={spec.secret ? "new-password" : "off"}
            className={spec.secret || spec.key === "githubBaseUrl" ? "font-mono" : undefined}
            onChange={(event) => onChange(spec.key, event.target.value)}
          />
        )}
      </Field>
    );
  });
}

/** The entered values for these fields, without empty optional ones; trimmed except secrets, whose bytes matter. */
export function enteredValues(fields: CredentialFieldSpec[], values: FieldValues): Record<string, string> {
  const entered: Record<string, string> = {};
  for (const spec of fields) {
    const value = values[spec.key] ?? "";
    if (value.trim() === "" && spec.optional) continue;
    entered[spec.key] = spec.secret ? value : value.trim();
  }
  return entered;
}

/** The refusal's issues by field: a 422's, or a taken name. The caller reports those no field shows. */
export function issuesByField(error: ApiError | null): Record<string, string> {
  if (!error) return {};
  if (error.code === "conflict") return { name: error.message };
  if (!Array.isArray(error.details)) return {};
  const issues: Record<string, string> = {};
  for (const issue of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof issue?.path === "string" && typeof issue.message === "string" && issue.path && !issues[issue.path]) issues[issue.path] = issue.message;
  }
  return issues;
}
