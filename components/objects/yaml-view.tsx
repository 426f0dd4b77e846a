import { CodeBlock } from "@/components/ui/code-block";

export function YamlView({ yaml }: { yaml: string }) {
  return <CodeBlock code={yaml} label="Copy YAML" className="max-h-[60vh] overflow-y-auto rounded-none border-0 [&_pre]:whitespace-pre [&_pre]:[overflow-wrap:normal]" />;
}
