import type { SourceDefinition } from "@/lib/schemas/sources";

/** The targets as defined: the selector, and how many clusters are named explicitly. */
export function SourceTargets({ definition }: { definition: Pick<SourceDefinition, "selector" | "clusterIds"> }) {
  const named = definition.clusterIds.length;
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {definition.selector !== null && (
        <span className="rounded border border-line bg-canvas px-1.5 font-mono text-[11px] text-fg-muted">{definition.selector === "" ? "every cluster" : definition.selector}</span>
      )}
      {named > 0 && (
        <span className="text-[13px]">
          {definition.selector !== null && "+ "}
          {named} named cluster{named === 1 ? "" : "s"}
        </span>
      )}
    </span>
  );
}
