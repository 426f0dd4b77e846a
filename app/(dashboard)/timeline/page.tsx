import type { Metadata } from "next";
import { RepositoryList } from "@/components/timeline/repository-list";

export const metadata: Metadata = { title: "Timeline" };

export default function TimelinePage() {
  return <RepositoryList />;
}
