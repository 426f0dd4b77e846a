import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CloseIcon, PlusIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import type { SourceFormPartProps } from "./source-form-props";

/** postBuild.substitute: variables Flux replaces in the manifests; values may use the cluster's name and labels. */
export function SourceFormSubstitute({ values, set, errors }: SourceFormPartProps) {
  const rows = values.substitute;
  const change = (index: number, entry: { key: string; value: string }) => set("substitute", rows.map((row, at) => (at === index ? entry : row)));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors.substitute ? "source-substitute-error" : "source-substitute-hint"}>
      <legend className="mb-2 text-[13px] font-semibold">Variables (optional)</legend>
      <p id="source-substitute-hint" className="text-xs text-fg-subtle">
        Flux replaces <code className="font-mono">{"${name}"}</code> in the manifests. Values may use <code className="font-mono">{"{{cluster.name}}"}</code> and{" "}
        <code className="font-mono">{"{{labels.<key>}}"}</code>.
      </p>
      {rows.map((row, index) => (
        <div key={index} className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
          <input
            aria-label={`Variable ${index + 1} name`}
            className={cn(inputClass, "font-mono")}
            value={row.key}
            spellCheck={false}
            placeholder="cluster_env"
            onChange={(event) => change(index, { ...row, key: event.target.value })}
          />
          <input
            aria-label={`Variable ${index + 1} value`}
            className={cn(inputClass, "font-mono")}
            value={row.value}
            spellCheck={false}
            placeholder="{{labels.env}}"
            onChange={(event) => change(index, { ...row, value: event.target.value })}
          />
          <Button size="sm" variant="ghost" aria-label={`Remove variable ${index + 1}`} icon={<CloseIcon />} onClick={() => set("substitute", rows.filter((_, at) => at !== index))} />
        </div>
      ))}
      {errors.substitute && (
        <p id="source-substitute-error" className="text-xs text-fail">
          {errors.substitute}
        </p>
      )}
      <div>
        <Button size="sm" icon={<PlusIcon />} onClick={() => set("substitute", [...rows, { key: "", value: "" }])}>
          Add variable
        </Button>
      </div>
    </fieldset>
  );
}
