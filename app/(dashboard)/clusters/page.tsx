import type { Metadata } from "next";
import { Suspense } from "react";
import { FleetView } from "@/components/clusters/fleet-view";

export const metadata: Metadata = { title: "Clusters" };

export default function ClustersPage() {
  return (
    <Suspense>
      <FleetView />
    </Suspense>
  );
}
