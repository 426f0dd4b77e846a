"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { cn } from "@/components/ui/cn";
import { ChevronRightIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DriftedObject, DriftMode, ObjectDriftChange } from "@/lib/schemas/drift";
import { changeLabel } from "./describe-drift";
import { FieldDiffTable } from "./field-diff-table";
import { objectDriftHref } from "./links";

const changeTone: Record<ObjectDriftChange, Tone> = { modified: "warn", missing: "fail", unmanaged: "info" };

const changeExplained: Record<ObjectDriftChange, string> = {
  modified: "",
  missing: "Git has this object and the cluster does not: Flux creates it again at its next apply.",
  unmanaged: "The cluster still has this object and Git no longer does: it stays until Flux prunes it (pending, or prune is off).",
};

export const objectName = (object: Pick<DriftedObject, "namespace" | "name">) => (object.namespace ? `${object.namespace}/${object.name}` : object.name);

/** One drifted object: a line that opens to its field diff and the command that would fix it. */
interface DriftedObjectCardProps {
  clusterId: string;
  object: DriftedObject;
  defaultOpen: boolean;
  /** How its reconciler's drift was found: without the flux CLI the desired side is unknown. */
  mode: DriftMode;
}

export function DriftedObjectCard({ clusterId, object, defaultOpen, mode }: DriftedObjectCardProps) {
  const [open, setOpen] = useState(defaultOpen);
  const detailId = useId();
  const name = `${object.kind} ${objectName(object)}`;
  return (
    <li className="border-b border-line last:border-b-0" data-testid="drifted-object">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={detailId}
          onClick={() => setOpen((value) => !value)}
          className="flex min-w-0 items-center gap-2 rounded text-left hover:underline"
        >
          <ChevronRightIcon className={cn("size-3.5 shrink-0 text-fg-subtle transition-transform", open && "rotate-90")} />
          <span className="text-xs text-fg-muted">{object.kind}</span>
          <span className="font-medium [overflow-wrap:anywhere]">{objectName(object)}</span>
        </button>
        <Badge tone={changeTone[object.change]}>{changeLabel[object.change]}</Badge>
        {object.handChange && <Badge tone="warn">hand change</Badge>}
        {object.fields.length > 0 && (
          <span className="text-xs text-fg-muted">
            {object.fields.length} {object.fields.length === 1 ? "field" : "fields"}
          </span>
        )}
        <span className="ml-auto text-xs text-fg-subtle">
          <TimeAgo iso={object.since} prefix="since" fallback="just seen" />
        </span>
      </div>
      <div id={detailId} hidden={!open} className="flex flex-col gap-3 border-t border-line bg-canvas px-4 py-3">
        {open && (
          <>
            {changeExplained[object.change] && <p className="text-[13px] text-fg-muted">{changeExplained[object.change]}</p>}
            {object.fields.length > 0 && <FieldDiffTable fields={object.fields} label={`Fields of ${name} that differ from Git`} desiredKnown={mode === "dry-run"} />}
            <div className="flex flex-col gap-1">
              <span className="text-xs font-medium text-fg-muted">Fix it by hand</span>
              <CodeBlock code={object.fix} prompt label={`Copy the command that fixes ${name}`} />
            </div>
            <Link href={objectDriftHref(clusterId, object)} className="self-start text-xs font-medium text-accent hover:underline">
              Desired and live YAML, and this object&apos;s drift history
            </Link>
          </>
        )}
      </div>
    </li>
  );
}
