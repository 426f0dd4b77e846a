import type { Metadata } from "next";
import { Suspense } from "react";
import { DriftView } from "@/components/drift/drift-view";

export const metadata: Metadata = { title: "Drift" };

export default async function DriftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <DriftView clusterId={id} />
    </Suspense>
  );
}
