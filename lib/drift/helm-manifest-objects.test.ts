import { beforeAll, describe, expect, it } from "vitest";
import { helmManifestObjects } from "./helm-manifest-objects";

const release = { name: "status-page", namespace: "status-page" };
const clusterScoped = new Set(["Namespace", "ClusterRole"]);
const asked: string[][] = [];
const namespacedKindsOf = async (apiVersions: string[]) => {
  asked.push(apiVersions);
  return (_apiVersion: string, kind: string) => !clusterScoped.has(kind);
};

const manifest = `---
# Source: status-page/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: status-page
  labels:
    app.kubernetes.io/name: status-page
data:
  PODINFO_UI_MESSAGE: 'all systems operational'

---
# Source: status-page/templates/clusterrole.yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: status-page-reader
rules: []
---
# Source: status-page/templates/elsewhere.yaml
apiVersion: v1
kind: Service
metadata:
  name: status-page
  namespace: edge
spec:
  ports:
  - port: 80
---
`;

describe("the objects of a Helm release's manifest", () => {
  let objects: Awaited<ReturnType<typeof helmManifestObjects>> = [];
  beforeAll(async () => {
    objects = await helmManifestObjects(manifest, release, namespacedKindsOf);
  });

  it("are every document of the manifest, comments and empty documents aside", () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(["ConfigMap/status-page", "ClusterRole/status-page-reader", "Service/status-page"]);
  });

  it("land in the release's namespace when namespaced and not placed elsewhere by the chart", () => {
    expect(asked).toEqual([["v1", "rbac.authorization.k8s.io/v1"]]);
    expect(objects.map((o) => o.metadata.namespace)).toEqual(["status-page", undefined, "edge"]);
  });

  it("carry the ownership metadata Helm stamps on what it creates, beside the chart's own", () => {
    expect(objects[0]!.metadata.labels).toEqual({ "app.kubernetes.io/name": "status-page", "app.kubernetes.io/managed-by": "Helm" });
    expect(objects[0]!.metadata.annotations).toEqual({ "meta.helm.sh/release-name": "status-page", "meta.helm.sh/release-namespace": "status-page" });
    expect(objects[0]!.data).toEqual({ PODINFO_UI_MESSAGE: "all systems operational" });
  });

  it("refuses a manifest that is not YAML, or a document that is not an object", async () => {
    await expect(helmManifestObjects("a: [", release, namespacedKindsOf)).rejects.toThrow(/status-page\/status-page is not valid YAML/);
    await expect(helmManifestObjects("kind: ConfigMap\n", release, namespacedKindsOf)).rejects.toThrow(/without apiVersion, kind and metadata.name/);
  });
});
