import { Field, Select, TextInput } from "@/components/ui/field";
import { fieldAria, type SourceFormPartProps } from "./source-form-props";
import type { RefKind } from "./source-form-values";

const refPlaceholders: Record<RefKind, string> = { branch: "main", tag: "v1.2.0", semver: ">=1.0.0 <2.0.0", commit: "0123456789abcdef…" };

/** Which repository, at which ref and path, and the name its Flux objects get on every cluster. */
export function SourceFormRepository({ values, set, errors, editing }: SourceFormPartProps) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-[13px] font-semibold">Repository</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor="source-name" error={errors.name} hint={editing ? "Names the objects on every cluster; it cannot change" : "The GitRepository's and Kustomization's name on every cluster"}>
          <TextInput
            {...fieldAria("source-name", errors.name, true)}
            value={values.name}
            onChange={(event) => set("name", event.target.value)}
            disabled={editing}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder="podinfo"
          />
        </Field>
        <Field label="Namespace" htmlFor="source-namespace" error={errors.namespace} hint="Where the Flux objects live on each cluster">
          <TextInput
            {...fieldAria("source-namespace", errors.namespace, true)}
            value={values.namespace}
            onChange={(event) => set("namespace", event.target.value)}
            disabled={editing}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </Field>
      </div>
      <Field label="Git URL" htmlFor="source-url" error={errors.url} hint="http, https or ssh; credentials go below, not in the URL">
        <TextInput
          {...fieldAria("source-url", errors.url, true)}
          value={values.url}
          onChange={(event) => set("url", event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          placeholder="https://github.com/acme/fleet"
        />
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_1fr]">
        <Field label="Ref kind" htmlFor="source-ref-kind">
          <Select id="source-ref-kind" value={values.refKind} onChange={(event) => set("refKind", event.target.value as RefKind)}>
            <option value="branch">Branch</option>
            <option value="tag">Tag</option>
            <option value="semver">Semver range</option>
            <option value="commit">Commit</option>
          </Select>
        </Field>
        <Field label="Ref" htmlFor="source-ref" error={errors.refValue}>
          <TextInput
            {...fieldAria("source-ref", errors.refValue)}
            value={values.refValue}
            onChange={(event) => set("refValue", event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder={refPlaceholders[values.refKind]}
          />
        </Field>
      </div>
      <Field
        label="Path"
        htmlFor="source-path"
        error={errors.path}
        hint={
          <>
            Inside the repository. Per cluster, <code className="font-mono">{"{{cluster.name}}"}</code> and <code className="font-mono">{"{{labels.<key>}}"}</code> are
            replaced, e.g. <code className="font-mono">{"./clusters/{{labels.env}}"}</code>
          </>
        }
      >
        <TextInput
          {...fieldAria("source-path", errors.path, true)}
          value={values.path}
          onChange={(event) => set("path", event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
      </Field>
    </fieldset>
  );
}
