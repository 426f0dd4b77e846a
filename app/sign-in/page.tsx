import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/components/auth/safe-next-path";
import { Logo } from "@/components/ui/icons";
import { sessionTokenOf } from "@/lib/api/request-context";
import { actorFromSession } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  const token = sessionTokenOf({ headers: await headers() });
  if (token && (await actorFromSession(token))) redirect(next);

  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center bg-sidebar px-4 py-12">
      <div className="w-full max-w-[360px]">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <Logo width={36} height={36} />
          <div>
            <h1 className="text-lg font-semibold tracking-tight">Sign in to Syncline</h1>
            <p className="mt-0.5 text-[13px] text-fg-muted">Flux CD across every cluster you run</p>
          </div>
        </div>
        <SignInForm next={next} />
        <p className="mt-4 text-center text-xs text-fg-subtle">
          First run? Sign in as <code className="font-mono">admin</code> with the password in{" "}
          <code className="font-mono">SYNCLINE_ADMIN_PASSWORD</code>, or the one <code className="font-mono">npm start</code> printed. Lost it?{" "}
          <code className="font-mono">npx syncline user reset-password admin</code> prints a new one.
        </p>
      </div>
    </main>
  );
}
