import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SourcesIcon } from "@/components/ui/icons";
import { PageBody } from "@/components/ui/page-body";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Sources" };

export default function SourcesPage() {
  return (
    <PageBody>
      <PageHeader title="Sources" description="The Git repositories, OCI artifacts and Helm repositories your clusters deploy from" />
      <EmptyState
        icon={<SourcesIcon />}
        title="No sources yet"
        actions={
          <Link href="/clusters" className={buttonClass("secondary")}>
            Go to Clusters
          </Link>
        }
      >
        Each GitRepository, OCIRepository and HelmRepository your clusters reconcile from will be listed here once, however many
        clusters share it, with the revision each cluster has applied. The list fills in as clusters are added.
      </EmptyState>
    </PageBody>
  );
}
