import type { Metadata } from "next";
import { Suspense } from "react";
import { ClusterView } from "@/components/clusters/cluster-view";

export const metadata: Metadata = { title: "Cluster" };

export default async function ClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <ClusterView id={id} />
    </Suspense>
  );
}
