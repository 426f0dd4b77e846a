import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="font-mono text-xs text-fg-subtle">404</p>
      <h1 className="text-lg font-semibold">There is no page here</h1>
      <p className="text-[13px] text-fg-muted">The link may be old, or the cluster it pointed at was removed.</p>
      <Link href="/clusters" className={buttonClass("secondary", "md", "mt-2")}>
        Go to Clusters
      </Link>
    </main>
  );
}
