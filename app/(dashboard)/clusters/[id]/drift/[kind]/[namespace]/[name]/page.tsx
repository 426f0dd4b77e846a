import type { Metadata } from "next";
import { ObjectDriftView } from "@/components/drift/object-drift-view";
import { CLUSTER_SCOPED_SEGMENT } from "@/lib/drift/cluster-scoped-segment";

type Params = { id: string; kind: string; namespace: string; name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { kind, name } = await params;
  return { title: `Drift of ${decodeURIComponent(name)} (${decodeURIComponent(kind)})` };
}

export default async function ObjectDriftPage({ params }: { params: Promise<Params> }) {
  const { id, kind, namespace, name } = await params;
  const ns = decodeURIComponent(namespace);
  const objectRef = { kind: decodeURIComponent(kind), namespace: ns === CLUSTER_SCOPED_SEGMENT ? "" : ns, name: decodeURIComponent(name) };
  return <ObjectDriftView clusterId={id} objectRef={objectRef} />;
}
