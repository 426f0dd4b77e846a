import { Fact } from "@/components/ui/fact";
import type { SourceDto } from "@/lib/schemas/sources";
import { describeRef } from "./describe-rollout";
import { SourceTargets } from "./source-targets";

const none = <span className="text-fg-subtle">—</span>;

/** The source as defined: what Syncline writes on every cluster it targets. */
export function SourceDefinition({ source }: { source: SourceDto }) {
  const { definition } = source;
  const substitute = Object.entries(definition.postBuild?.substitute ?? {});
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 p-4 sm:grid-cols-2 lg:grid-cols-4">
      <Fact label="Git URL" className="sm:col-span-2">
        <span className="font-mono text-xs">{definition.url}</span>
      </Fact>
      <Fact label="Ref">{describeRef(definition.ref)}</Fact>
      <Fact label="Path">
        <span className="font-mono text-xs">{definition.path}</span>
      </Fact>
      <Fact label="Targets">
        <SourceTargets definition={definition} />
      </Fact>
      <Fact label="Namespace">
        <span className="font-mono text-xs">{definition.namespace}</span>
      </Fact>
      <Fact label="Target namespace">{definition.targetNamespace ? <span className="font-mono text-xs">{definition.targetNamespace}</span> : none}</Fact>
      <Fact label="Prune">{definition.prune ? "On: workloads go when the source does" : "Off"}</Fact>
      <Fact label="Interval">{definition.interval}</Fact>
      <Fact label="Timeout">{definition.timeout ?? none}</Fact>
      <Fact label="Retry interval">{definition.retryInterval ?? none}</Fact>
      <Fact label="Credentials">{source.credential ? `${source.credential.name} (${source.credential.kind})` : "None"}</Fact>
      <Fact label="Depends on">
        {definition.dependsOn.length ? definition.dependsOn.map((dependency) => (dependency.namespace ? `${dependency.namespace}/${dependency.name}` : dependency.name)).join(", ") : none}
      </Fact>
      <Fact label="Variables" className="sm:col-span-2">
        {substitute.length ? (
          <span className="flex flex-col font-mono text-xs">
            {substitute.map(([key, value]) => (
              <span key={key}>
                {key}={value}
              </span>
            ))}
          </span>
        ) : (
          none
        )}
      </Fact>
      {source.adopted && <Fact label="Origin">Adopted from existing Flux objects</Fact>}
    </dl>
  );
}
