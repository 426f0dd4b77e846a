import { describe, expect, it } from "vitest";
import { AppError } from "../lib/errors/app-error";
import { clusterNameFromContext } from "./cluster-name-from-context";

function refusal(context: string): AppError {
  try {
    clusterNameFromContext(context);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`"${context}" was accepted`);
}

describe("the cluster name that `cluster add` takes from the kubeconfig context", () => {
  it("is the context's name when that is a valid cluster name", () => {
    expect(clusterNameFromContext("prod-eu")).toBe("prod-eu");
    expect(clusterNameFromContext("kind-dev")).toBe("kind-dev");
  });

  it("is refused for an EKS context, with a clear message that suggests the name after the last slash", () => {
    const error = refusal("arn:aws:eks:eu-west-1:123456789012:cluster/prod");
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain('The context "arn:aws:eks:eu-west-1:123456789012:cluster/prod" is not a valid cluster name');
    expect(error.message).toContain("syncline cluster add prod --kubeconfig");
  });

  it("suggests a valid name for contexts with underscores and capitals, never an empty one", () => {
    expect(refusal("gke_my-project_europe-west1-b_Prod").message).toContain("cluster add prod --kubeconfig");
    expect(refusal("Staging.1").message).toContain("cluster add staging-1 --kubeconfig");
    expect(refusal("___").message).toContain("cluster add my-cluster --kubeconfig");
  });
});
