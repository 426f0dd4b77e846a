import { Field, TextInput } from "@/components/ui/field";
import { LabelChip } from "@/components/ui/badge";
import { useClusters } from "@/lib/queries/use-clusters";
import { countSelectorMatches } from "./count-selector-matches";
import { fieldAria, type SourceFormPartProps } from "./source-form-props";
import type { TargetMode } from "./source-form-values";

/** A label selector over cluster labels (clusters that match later receive the source too), or clusters picked by name. */
export function SourceFormTargets({ values, set, errors }: SourceFormPartProps) {
  const clusters = useClusters();
  const all = clusters.data ?? [];
  const matches = countSelectorMatches(values.selector, all);
  const mode = (target: TargetMode, label: string) => (
    <label className="flex items-center gap-2 text-[13px]">
      <input type="radio" name="source-target-mode" value={target} checked={values.targetMode === target} onChange={() => set("targetMode", target)} className="size-4 accent-[var(--accent)]" />
      {label}
    </label>
  );
  const selectorHint = clusters.isPending ? (
    "As for kubectl -l: env=production,region in (eu,us)"
  ) : matches === null ? (
    "Not a complete selector yet: env=production,region in (eu,us)"
  ) : (
    <span role="status">
      Matches {matches} of {all.length} cluster{all.length === 1 ? "" : "s"}
      {values.selector.trim() === "" ? " (an empty selector matches every cluster)" : ""}. Clusters added later that match receive it too.
    </span>
  );
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-[13px] font-semibold">Targets</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {mode("selector", "Clusters matching a label selector")}
        {mode("clusters", "Chosen clusters")}
      </div>
      {values.targetMode === "selector" ? (
        <Field label="Label selector" htmlFor="source-selector" error={errors.selector} hint={selectorHint}>
          <TextInput
            {...fieldAria("source-selector", errors.selector, true)}
            value={values.selector}
            onChange={(event) => set("selector", event.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder="env=production"
          />
        </Field>
      ) : (
        <div role="group" aria-labelledby="source-clusters-label" aria-describedby={errors.clusterIds ? "source-clusters-error" : undefined} className="flex flex-col gap-1">
          <span id="source-clusters-label" className="text-xs font-medium text-fg-muted">
            Clusters
          </span>
          {all.length === 0 && <p className="text-[13px] text-fg-muted">{clusters.isPending ? "Loading the clusters…" : "No cluster is registered yet."}</p>}
          <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto">
            {all.map((cluster) => (
              <li key={cluster.id}>
                <label className="flex flex-wrap items-center gap-2 text-[13px]">
                  <input
                    type="checkbox"
                    className="size-4 accent-[var(--accent)]"
                    checked={values.clusterIds.includes(cluster.id)}
                    onChange={(event) => set("clusterIds", event.target.checked ? [...values.clusterIds, cluster.id] : values.clusterIds.filter((id) => id !== cluster.id))}
                  />
                  {cluster.name}
                  {Object.entries(cluster.labels).map(([name, value]) => (
                    <LabelChip key={name} name={name} value={value} />
                  ))}
                </label>
              </li>
            ))}
          </ul>
          {errors.clusterIds && (
            <p id="source-clusters-error" className="text-xs text-fail">
              {errors.clusterIds}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
