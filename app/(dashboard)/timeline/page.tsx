import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TimelineIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Timeline" };

export default function TimelinePage() {
  return (
    <PageBody>
      <PageHeader title="Timeline" description="Which commit reached which cluster, and when" />
      <EmptyState
        icon={<TimelineIcon />}
        title="Nothing has been deployed yet"
        actions={
          <Link href="/clusters" className={buttonClass("secondary")}>
            Go to Clusters
          </Link>
        }
      >
        Every revision Flux applies will appear here, lined up across clusters so you can see a change roll from staging to
        production. The timeline fills in as clusters are added and Flux reconciles them.
      </EmptyState>
    </PageBody>
  );
}
