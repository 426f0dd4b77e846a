import { describe, expect, it } from "vitest";
import { sourceDefinition, type SourceDefinition } from "../schemas/sources";
import { renderSourceObjects } from "./render-source-objects";
import { renderTemplate } from "./render-template";

const definition = (overrides: Partial<SourceDefinition> = {}): SourceDefinition =>
  sourceDefinition.parse({
    name: "shop",
    namespace: "flux-system",
    url: "https://git.example.com/acme/fleet",
    ref: { branch: "main" },
    path: "./clusters/{{labels.env}}",
    interval: "5m",
    timeout: null,
    retryInterval: null,
    prune: true,
    targetNamespace: null,
    dependsOn: [],
    postBuild: { substitute: { cluster_name: "{{cluster.name}}", region: "{{labels.region}}" } },
    selector: "env=staging",
    clusterIds: [],
    ...overrides,
  });
const source = (overrides: Partial<SourceDefinition> = {}, credentialVersion: string | null = null) => ({ id: "0190a0a0-0000-7000-8000-000000000001", definition: definition(overrides), credentialVersion });

describe("templates in a source's path and substitute values", () => {
  it("fill {{cluster.name}} and {{labels.<key>}} from the cluster", () => {
    expect(renderTemplate("./clusters/{{labels.env}}/{{cluster.name}}", { name: "eu-1", labels: { env: "production" } })).toEqual({ ok: true, text: "./clusters/production/eu-1" });
    expect(renderTemplate("./clusters/{{ labels.env }}", { name: "eu-1", labels: { env: "staging" } })).toEqual({ ok: true, text: "./clusters/staging" });
  });

  it("name every label a cluster lacks, and never render with an empty value", () => {
    expect(renderTemplate("./{{labels.env}}/{{labels.region}}/{{labels.tier}}", { name: "a", labels: { region: "", tier: "web" } })).toEqual({ ok: false, missingLabels: ["env", "region"] });
  });

  it("make a cluster without a label the source uses an invalid target, naming the label from the path or a substitute value", () => {
    expect(renderSourceObjects(source(), { name: "eu-1", labels: { env: "production" } })).toEqual({ ok: false, missingLabels: ["region"] });
  });
});

describe("the objects a source renders on one cluster", () => {
  it("are a GitRepository and a Kustomization labelled as Syncline's, with the rendered path and values", () => {
    const rendered = renderSourceObjects(source(), { name: "eu-1", labels: { env: "production", region: "eu" } });
    if (!rendered.ok) throw new Error("expected a rendering");
    expect(rendered.rendered).toEqual({ path: "./clusters/production", substitute: { cluster_name: "eu-1", region: "eu" } });
    expect(rendered.objects.map((object) => object.kind)).toEqual(["GitRepository", "Kustomization"]);
    for (const object of rendered.objects) {
      expect(object.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "syncline", "syncline.io/source-id": "0190a0a0-0000-7000-8000-000000000001" });
      expect(object.metadata.annotations).toEqual({ "syncline.io/source": "shop" });
    }
    expect(rendered.objects[0]!.spec).toEqual({ interval: "5m", url: "https://git.example.com/acme/fleet", ref: { branch: "main" } });
    expect(rendered.objects[1]!.spec).toEqual({
      interval: "5m",
      path: "./clusters/production",
      prune: true,
      sourceRef: { kind: "GitRepository", name: "shop" },
      postBuild: { substitute: { cluster_name: "eu-1", region: "eu" } },
    });
  });

  it("put the credentials in a Secret applied first and referenced by the GitRepository, without the secret in the hash", () => {
    const rendered = renderSourceObjects(source({}, "cred-1:SHA256:abc:"), { name: "eu-1", labels: { env: "production", region: "eu" } });
    if (!rendered.ok) throw new Error("expected a rendering");
    expect(rendered.objects[0]).toMatchObject({ kind: "Secret", metadata: { name: "shop-git-auth", namespace: "flux-system" } });
    expect(rendered.objects[0]).not.toHaveProperty("data");
    expect(rendered.objects[1]!.spec).toMatchObject({ secretRef: { name: "shop-git-auth" } });
  });

  it("hash differently for clusters whose labels render differently, and equally for the same rendering", () => {
    const hashOf = (labels: Record<string, string>, name = "a") => {
      const rendered = renderSourceObjects(source(), { name, labels });
      return rendered.ok ? rendered.hash : null;
    };
    expect(hashOf({ env: "staging", region: "eu" })).toBe(hashOf({ region: "eu", env: "staging" }));
    expect(hashOf({ env: "staging", region: "eu" })).not.toBe(hashOf({ env: "production", region: "eu" }));
    expect(hashOf({ env: "staging", region: "eu" }, "a")).not.toBe(hashOf({ env: "staging", region: "eu" }, "b"));
  });
});
