import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFluxCli } from "./find-flux-cli";

const dir = mkdtempSync(join(tmpdir(), "flux-cli-"));
const flux = join(dir, "flux");
writeFileSync(flux, "#!/bin/sh\n");
chmodSync(flux, 0o755);
const notExecutable = join(dir, "flux-readonly");
writeFileSync(notExecutable, "");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("finding the flux CLI", () => {
  it("uses SYNCLINE_FLUX_CLI first", () => {
    expect(findFluxCli({ SYNCLINE_FLUX_CLI: flux, PATH: "/nowhere" })).toBe(flux);
  });

  it("looks for flux on PATH when the setting is absent", () => {
    expect(findFluxCli({ PATH: ["/nowhere", "relative/bin", dir].join(":") })).toBe(flux);
  });

  it("finds none when neither has one, so drift falls back to managedFields", () => {
    expect(findFluxCli({ PATH: "/nowhere" })).toBeNull();
  });

  it("does not use a setting that names no executable file, nor a relative path, and does not search PATH instead", () => {
    expect(findFluxCli({ SYNCLINE_FLUX_CLI: notExecutable, PATH: dir })).toBeNull();
    expect(findFluxCli({ SYNCLINE_FLUX_CLI: dir, PATH: dir })).toBeNull();
    expect(findFluxCli({ SYNCLINE_FLUX_CLI: "flux", PATH: dir })).toBeNull();
  });
});
