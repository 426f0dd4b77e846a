import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";
import { loadSecretKey } from "./secret-key";

const kubeconfig = "apiVersion: v1\nusers:\n- name: admin\n  user:\n    token: very-secret-token\n";

describe("sealed secrets", () => {
  it("open to the original text with the same key", () => {
    const key = randomBytes(32);
    expect(openSecret(sealSecret(kubeconfig, key), key)).toBe(kubeconfig);
  });

  it("never contain the secret in clear, and differ on every sealing", () => {
    const key = randomBytes(32);
    const a = sealSecret(kubeconfig, key);
    const b = sealSecret(kubeconfig, key);
    expect(a).not.toContain("very-secret-token");
    expect(Buffer.from(a.slice(3), "base64").toString("latin1")).not.toContain("very-secret-token");
    expect(a).not.toBe(b);
  });

  it("refuse to open with another key, or after tampering", () => {
    const sealed = sealSecret(kubeconfig, randomBytes(32));
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(/could not be decrypted/);
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(`v1:${raw.toString("base64")}`, randomBytes(32))).toThrow();
  });
});

describe("the secret key", () => {
  it("is generated once into the data folder, readable by its owner only, and reused", () => {
    const dir = mkdtempSync(join(tmpdir(), "syncline-key-"));
    const first = loadSecretKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, "secret.key")).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(undefined, dir).equals(first)).toBe(true);
    expect(readFileSync(join(dir, "secret.key"), "utf8").trim()).toBe(first.toString("base64"));
  });

  it("comes from SYNCLINE_SECRET_KEY when set, as hex or base64", () => {
    const key = randomBytes(32);
    expect(loadSecretKey(key.toString("hex"), "/nonexistent").equals(key)).toBe(true);
    expect(loadSecretKey(key.toString("base64"), "/nonexistent").equals(key)).toBe(true);
  });

  it("rejects a key of the wrong length with a clear message", () => {
    expect(() => loadSecretKey("c2hvcnQ=", "/nonexistent")).toThrow(/SYNCLINE_SECRET_KEY must hold 32 bytes/);
  });
});
