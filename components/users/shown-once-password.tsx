import { CodeBlock } from "@/components/ui/code-block";

/** A generated password: shown here once, never stored in the clear, so it must be copied now. */
export function ShownOncePassword({ userName, password }: { userName: string; password: string }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-[13px]">
        The password for <span className="font-medium">{userName}</span>. Copy it now and hand it over safely: Syncline does not show it again.
      </p>
      <CodeBlock code={password} label="Copy password" />
    </div>
  );
}
