import { CodeBlock } from "@/components/ui/code-block";
import { EmptyState } from "@/components/ui/empty-state";
import { ClustersIcon } from "@/components/ui/icons";
import { AddClusterButton } from "./add-cluster-button";

export const ADD_CLUSTER_COMMAND = "npx syncline cluster add --kubeconfig ~/.kube/config --context my-cluster --label env=staging";

export function FleetEmptyState() {
  return (
    <EmptyState
      icon={<ClustersIcon />}
      title="Add your first cluster"
      actions={
        <>
          <AddClusterButton />
          <div className="flex w-full items-center gap-3 text-xs text-fg-subtle">
            <span className="h-px flex-1 bg-line" />
            or from a terminal
            <span className="h-px flex-1 bg-line" />
          </div>
          <CodeBlock code={ADD_CLUSTER_COMMAND} prompt label="Copy the command" />
        </>
      }
    >
      Syncline watches the Flux objects of every cluster you register: what is applied, what is failing, and who paused what.
      It needs a kubeconfig whose user may list, watch and patch Flux resources.
    </EmptyState>
  );
}
