import { describe, expect, it } from "vitest";
import { HelmRelease, REDACTED } from "./helm-release";
import type { FluxObject } from "./flux-resource";
import { withSecretsRedacted } from "./with-secrets-redacted";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

function release(spec: Record<string, unknown>, annotations?: Record<string, string>): FluxObject {
  return { apiVersion: HelmRelease.apiVersion, kind: "HelmRelease", metadata: { name: "podinfo", namespace: "flux-system", annotations }, spec };
}

describe("a HelmRelease's values", () => {
  it("are redacted leaf by leaf, so the keys still show what is configured", () => {
    const redacted = HelmRelease.withValuesRedacted(release({ interval: "5m", values: { auth: { password: "s3cret", users: ["a", "b"] }, replicas: 2, empty: null } }));
    expect(redacted.spec).toEqual({ interval: "5m", values: { auth: { password: REDACTED, users: [REDACTED, REDACTED] }, replicas: REDACTED, empty: null } });
  });

  it("are redacted in kubectl's last-applied copy too, and an unreadable copy is dropped whole", () => {
    const applied = { apiVersion: HelmRelease.apiVersion, kind: "HelmRelease", spec: { values: { token: "t0ken" }, valuesFrom: [{ kind: "Secret", name: "creds" }] } };
    const redacted = HelmRelease.withValuesRedacted(release({}, { [LAST_APPLIED]: JSON.stringify(applied), team: "web" }));
    expect(JSON.parse(redacted.metadata.annotations![LAST_APPLIED]!)).toEqual({ ...applied, spec: { ...applied.spec, values: { token: REDACTED } } });
    expect(redacted.metadata.annotations!.team).toBe("web");
    expect(HelmRelease.withValuesRedacted(release({}, { [LAST_APPLIED]: '{"spec": {"values": {"token": "t0k' })).metadata.annotations![LAST_APPLIED]).toBe(REDACTED);
  });

  it("leave the object they came from untouched, and other kinds pass through as they are", () => {
    const original = release({ values: { password: "s3cret" } });
    withSecretsRedacted("HelmRelease", original);
    expect(original.spec).toEqual({ values: { password: "s3cret" } });
    const kustomization: FluxObject = { kind: "Kustomization", metadata: { name: "apps" }, spec: { path: "./apps" } };
    expect(withSecretsRedacted("Kustomization", kustomization)).toBe(kustomization);
  });
});
