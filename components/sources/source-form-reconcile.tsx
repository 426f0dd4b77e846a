import { Field, TextArea, TextInput } from "@/components/ui/field";
import { fieldAria, type SourceFormPartProps } from "./source-form-props";

type DurationKey = "interval" | "timeout" | "retryInterval";

/** How Flux reconciles the source on each cluster: how often, how long, where, after what, and whether it prunes. */
export function SourceFormReconcile({ values, set, errors }: SourceFormPartProps) {
  const duration = (key: DurationKey, label: string, placeholder: string) => (
    <Field label={label} htmlFor={`source-${key}`} error={errors[key]}>
      <TextInput
        {...fieldAria(`source-${key}`, errors[key])}
        value={values[key]}
        onChange={(event) => set(key, event.target.value)}
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        placeholder={placeholder}
      />
    </Field>
  );
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-[13px] font-semibold">Reconciliation</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {duration("interval", "Interval", "5m")}
        {duration("timeout", "Timeout (optional)", "5m")}
        {duration("retryInterval", "Retry interval (optional)", "1m")}
      </div>
      <Field label="Target namespace (optional)" htmlFor="source-targetNamespace" error={errors.targetNamespace} hint="Where namespaced workloads land; empty keeps the manifests' own">
        <TextInput
          {...fieldAria("source-targetNamespace", errors.targetNamespace, true)}
          value={values.targetNamespace}
          onChange={(event) => set("targetNamespace", event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
      </Field>
      <Field label="Depends on (optional)" htmlFor="source-dependsOn" error={errors.dependsOn} hint="Kustomizations to reconcile first, one a line: name or namespace/name">
        <TextArea {...fieldAria("source-dependsOn", errors.dependsOn, true)} rows={2} spellCheck={false} value={values.dependsOn} onChange={(event) => set("dependsOn", event.target.value)} />
      </Field>
      <label className="flex items-start gap-2 text-[13px]">
        <input type="checkbox" checked={values.prune} onChange={(event) => set("prune", event.target.checked)} className="mt-0.5 size-4 accent-[var(--accent)]" />
        <span>
          Prune
          <span className="block text-xs text-fg-muted">
            Flux deletes workloads whose manifests leave Git, and all of them when the source leaves a cluster or is deleted.
          </span>
        </span>
      </label>
    </fieldset>
  );
}

