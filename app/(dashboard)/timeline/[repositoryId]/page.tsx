import type { Metadata } from "next";
import { Suspense } from "react";
import { TimelineView } from "@/components/timeline/timeline-view";

export const metadata: Metadata = { title: "Timeline" };

export default async function RepositoryTimelinePage({ params }: { params: Promise<{ repositoryId: string }> }) {
  const { repositoryId } = await params;
  return (
    <Suspense>
      <TimelineView repositoryId={repositoryId} />
    </Suspense>
  );
}
