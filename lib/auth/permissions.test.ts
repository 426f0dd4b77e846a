import { describe, expect, it } from "vitest";
import { roleAllows } from "./permissions";

describe("roles", () => {
  it("let viewers read but not switch auto-sync or manage clusters", () => {
    expect(roleAllows("viewer", "read")).toBe(true);
    expect(roleAllows("viewer", "clusters.autosync")).toBe(false);
    expect(roleAllows("viewer", "clusters.manage")).toBe(false);
  });

  it("let operators switch auto-sync and reconcile, but not add or remove clusters", () => {
    expect(roleAllows("operator", "clusters.autosync")).toBe(true);
    expect(roleAllows("operator", "clusters.reconcile")).toBe(true);
    expect(roleAllows("operator", "clusters.manage")).toBe(false);
  });

  it("let admins do everything", () => {
    expect(roleAllows("admin", "clusters.manage")).toBe(true);
    expect(roleAllows("admin", "users.manage")).toBe(true);
  });
});
