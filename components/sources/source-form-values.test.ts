import { describe, expect, it } from "vitest";
import { newSourceInput, updateSourceInput, type SourceDto } from "@/lib/schemas/sources";
import { EMPTY_FORM, formValuesOf, issuesByFormField, newSourceInputOf as toNew, updateSourceInputOf as toUpdate } from "./source-form-values";

const filled = {
  ...EMPTY_FORM,
  name: "podinfo",
  url: "https://git.example.com/acme/fleet",
  path: "./clusters/{{labels.env}}",
  selector: "env=staging",
  dependsOn: "infra\nflux-system/crds",
  substitute: [
    { key: "cluster_env", value: "{{labels.env}}" },
    { key: "", value: "ignored" },
  ],
};

describe("the source form's input to the API", () => {
  it("sends a new source the API accepts, leaving out what was not filled in", () => {
    const input = toNew(filled);
    expect(newSourceInput.parse(input)).toMatchObject({ name: "podinfo", ref: { branch: "main" }, selector: "env=staging", postBuild: { substitute: { cluster_env: "{{labels.env}}" } } });
    expect(input).not.toHaveProperty("timeout");
    expect(input).not.toHaveProperty("credentials");
    expect(input.dependsOn).toEqual([{ name: "infra" }, { namespace: "flux-system", name: "crds" }]);
  });

  it("targets explicit clusters without a selector", () => {
    const input = toNew({ ...filled, targetMode: "clusters", clusterIds: ["6f1c2d8e-0b1a-4c3d-9e8f-7a6b5c4d3e2f"] });
    expect(input).not.toHaveProperty("selector");
    expect(newSourceInput.parse(input).clusterIds).toHaveLength(1);
  });

  it("sends inline credentials of the chosen kind only", () => {
    const input = toNew({ ...filled, credentialMode: "https-basic", username: " bot ", password: "s3cret", token: "stale" });
    expect(input.credentials).toEqual({ kind: "https-basic", username: "bot", password: "s3cret" });
    expect(newSourceInput.safeParse(input).success).toBe(true);
  });

  it("on an edit, clears emptied fields and keeps the stored credential unless told otherwise", () => {
    const input = toUpdate({ ...filled, credentialMode: "keep" });
    expect(updateSourceInput.parse(input)).toMatchObject({ timeout: null, targetNamespace: null, clusterIds: [] });
    expect(input).not.toHaveProperty("credentials");
    expect(toUpdate({ ...filled, credentialMode: "none" }).credentials).toBeNull();
  });

  it("fills the form from a stored source, with no secret in it", () => {
    const source = {
      credential: { id: "c", name: "source podinfo", kind: "https-token" },
      definition: {
        ...toNew(filled),
        namespace: "flux-system",
        ref: { tag: "v1.2.0" },
        timeout: null,
        retryInterval: "1m",
        targetNamespace: null,
        postBuild: null,
        selector: null,
        clusterIds: ["a"],
        interval: "5m",
        prune: false,
        path: "./",
        dependsOn: [{ name: "infra" }],
      },
    } as unknown as SourceDto;
    expect(formValuesOf(source)).toMatchObject({ refKind: "tag", refValue: "v1.2.0", retryInterval: "1m", targetMode: "clusters", credentialMode: "keep", token: "", dependsOn: "infra" });
  });
});

describe("the API's refusals next to the fields", () => {
  it("places each issue at its field and returns the rest apart", () => {
    const { fields, unplaced } = issuesByFormField([
      { path: "ref.branch", message: "Not a Git branch name" },
      { path: "credentials.knownHosts", message: "Give the server's host keys" },
      { path: "postBuild.substitute.bad-key", message: "A substitute variable name is letters" },
      { path: "", message: "Choose targets" },
    ]);
    expect(fields).toEqual({ refValue: "Not a Git branch name", knownHosts: "Give the server's host keys", substitute: "A substitute variable name is letters" });
    expect(unplaced).toEqual([{ path: "", message: "Choose targets" }]);
  });
});
