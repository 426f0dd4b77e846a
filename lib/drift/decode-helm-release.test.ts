import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeHelmRelease } from "./decode-helm-release";

const manifest = "---\n# Source: status-page/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: status-page\ndata:\n  PODINFO_UI_MESSAGE: up\n";
const release = { name: "status-page", namespace: "status-page", version: 3, info: { status: "deployed", description: "Upgrade complete" }, manifest, config: {}, apply_method: "ssa" };

/** What the API returns in `data.release`: Helm's base64(gzip(json)), base64-encoded again as all Secret data is. */
const asSecretData = (helmEncoded: string) => Buffer.from(helmEncoded).toString("base64");
const helmEncode = (value: unknown) => gzipSync(JSON.stringify(value)).toString("base64");

describe("reading a release from Helm's storage Secret", () => {
  it("unwraps the API's base64, Helm's base64 and gzip to the release and its manifest", () => {
    expect(decodeHelmRelease("sh.helm.release.v1.status-page.v3", asSecretData(helmEncode(release)))).toEqual({
      name: "status-page",
      namespace: "status-page",
      version: 3,
      status: "deployed",
      manifest,
    });
  });

  it("reads a release stored before Helm compressed them", () => {
    const uncompressed = Buffer.from(JSON.stringify(release)).toString("base64");
    expect(decodeHelmRelease("sh.helm.release.v1.status-page.v3", asSecretData(uncompressed)).manifest).toBe(manifest);
  });

  it("treats a release without objects as an empty manifest", () => {
    const { manifest: _omitted, ...empty } = release;
    expect(decodeHelmRelease("sh.helm.release.v1.status-page.v3", asSecretData(helmEncode(empty))).manifest).toBe("");
  });

  it("names the Secret when its data is not a Helm release", () => {
    expect(() => decodeHelmRelease("sh.helm.release.v1.x.v1", asSecretData("bm90IGd6aXA="))).toThrow(/sh\.helm\.release\.v1\.x\.v1 does not hold a Helm release/);
    expect(() => decodeHelmRelease("sh.helm.release.v1.x.v1", asSecretData(helmEncode({ name: "x" })))).toThrow(/fields missing/);
  });
});
