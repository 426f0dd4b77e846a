import type { Metadata } from "next";
import { ObjectView } from "@/components/objects/object-view";

type Params = { id: string; kind: string; namespace: string; name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { kind, name } = await params;
  return { title: `${decodeURIComponent(name)} (${decodeURIComponent(kind)})` };
}

export default async function ObjectPage({ params }: { params: Promise<Params> }) {
  const { id, kind, namespace, name } = await params;
  const objectRef = { kind: decodeURIComponent(kind), namespace: decodeURIComponent(namespace), name: decodeURIComponent(name) };
  return <ObjectView clusterId={id} objectRef={objectRef} />;
}
