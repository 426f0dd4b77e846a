import type { FluxKind, ManagedObject } from "@/lib/fleet/dto";

const th = "border-b border-line px-4 py-2 font-medium whitespace-nowrap";
const td = "border-b border-line px-4 py-1.5";

function NoInventory({ kind }: { kind: FluxKind }) {
  return (
    <p className="px-4 py-3 text-[13px] text-fg-subtle">
      {kind === "HelmRelease"
        ? "This release reports no objects: helm-controller lists them (status.inventory) only once a release is installed, and older versions never do."
        : "Flux has not applied anything for it yet."}
    </p>
  );
}

/** What a Kustomization or HelmRelease applied, as it reports in status.inventory. */
export function ManagedObjectsTable({ kind, objects }: { kind: FluxKind; objects: ManagedObject[] | null }) {
  if (objects === null) return <NoInventory kind={kind} />;
  if (objects.length === 0) return <p className="px-4 py-3 text-[13px] text-fg-subtle">It manages no objects.</p>;
  return (
    // Focusable, so a keyboard can scroll it.
    <div className="max-h-[28rem] overflow-auto" tabIndex={0}>
      <table className="w-full text-left text-[13px]" aria-label={`Objects managed by this ${kind}`}>
        <thead className="sticky top-0 bg-panel text-[11px] tracking-wide text-fg-subtle uppercase">
          <tr>
            <th scope="col" className={th}>
              Kind
            </th>
            <th scope="col" className={th}>
              Namespace
            </th>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              API version
            </th>
          </tr>
        </thead>
        <tbody>
          {objects.map((object) => (
            <tr key={`${object.group}/${object.kind}/${object.namespace}/${object.name}`}>
              <td className={`${td} font-medium whitespace-nowrap`}>{object.kind}</td>
              <td className={`${td} whitespace-nowrap text-fg-muted`}>{object.namespace || <span className="text-fg-subtle">cluster-wide</span>}</td>
              <td className={`${td} break-all`}>{object.name}</td>
              <td className={`${td} font-mono text-xs whitespace-nowrap text-fg-muted`}>{object.apiVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
