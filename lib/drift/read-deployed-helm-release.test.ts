import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { KubeClient, RequestOptions } from "../k8s/client";
import type { FluxObject } from "../k8s/resources";
import { readDeployedHelmRelease } from "./read-deployed-helm-release";

const storageSecret = (name: string, version: number) => ({
  metadata: { name: `sh.helm.release.v1.${name}.v${version}`, labels: { owner: "helm", name, status: "deployed", version: String(version) } },
  data: {
    release: Buffer.from(gzipSync(JSON.stringify({ name, namespace: "shop", version, info: { status: "deployed" }, manifest: `# v${version}\n` })).toString("base64")).toString("base64"),
  },
});

/** A client that answers the storage list with `items` and records what was asked. */
function storage(items: unknown[]) {
  const asked: Array<{ path: string; query: RequestOptions["query"] }> = [];
  const client = {
    request: async (_method: string, path: string, options?: RequestOptions) => {
      asked.push({ path, query: options?.query });
      return { items };
    },
  } as unknown as KubeClient;
  return { client, asked };
}

const helmRelease = (spec: Record<string, unknown>, status?: Record<string, unknown>): FluxObject => ({ metadata: { name: "web", namespace: "apps" }, spec, ...(status ? { status } : {}) });

describe("finding the release a HelmRelease deployed in Helm's storage", () => {
  it("asks the storage namespace for the deployed revision of the release its history names", async () => {
    const { client, asked } = storage([storageSecret("shop-web", 3)]);
    const release = await readDeployedHelmRelease(client, helmRelease({ storageNamespace: "helm" }, { storageNamespace: "flux-system", history: [{ name: "shop-web", version: 3 }] }));
    expect(asked).toEqual([{ path: "/api/v1/namespaces/flux-system/secrets", query: { labelSelector: "owner=helm,name=shop-web,status=deployed" } }]);
    expect(release).toMatchObject({ name: "shop-web", version: 3, status: "deployed", manifest: "# v3\n" });
  });

  it("names a release not yet in the history as helm-controller does: releaseName, else [targetNamespace-]name, in spec.storageNamespace or its own", async () => {
    const names = async (spec: Record<string, unknown>) => {
      const { client, asked } = storage([]);
      await readDeployedHelmRelease(client, helmRelease(spec));
      return [asked[0]!.path, asked[0]!.query!.labelSelector];
    };
    expect(await names({ releaseName: "storefront" })).toEqual(["/api/v1/namespaces/apps/secrets", "owner=helm,name=storefront,status=deployed"]);
    expect(await names({ targetNamespace: "shop", storageNamespace: "helm" })).toEqual(["/api/v1/namespaces/helm/secrets", "owner=helm,name=shop-web,status=deployed"]);
    expect(await names({})).toEqual(["/api/v1/namespaces/apps/secrets", "owner=helm,name=web,status=deployed"]);
    // Past Helm's 53 characters: 40 of them, a dash and 12 hex digits of the name's SHA-256.
    expect(await names({ releaseName: "a-release-name-that-is-far-too-long-for-helm-to-accept" })).toEqual([
      "/api/v1/namespaces/apps/secrets",
      "owner=helm,name=a-release-name-that-is-far-too-long-for--6602fdcec2ad,status=deployed",
    ]);
  });

  it("takes the newest deployed revision, and none when nothing is deployed", async () => {
    expect((await readDeployedHelmRelease(storage([storageSecret("web", 4), storageSecret("web", 5)]).client, helmRelease({})))?.version).toBe(5);
    expect(await readDeployedHelmRelease(storage([]).client, helmRelease({}))).toBeNull();
  });
});
