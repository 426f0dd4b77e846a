import { describe, expect, it } from "vitest";
import { formatFieldPath } from "./field-path";

describe("readable field paths", () => {
  it("joins fields with dots and names list items by their name, else their position", () => {
    expect(formatFieldPath([{ field: "spec" }, { field: "replicas" }])).toBe("spec.replicas");
    expect(formatFieldPath([{ field: "spec" }, { field: "containers" }, { index: 2, item: { name: "web" } }, { field: "image" }])).toBe("spec.containers[name=web].image");
    expect(formatFieldPath([{ field: "spec" }, { field: "args" }, { index: 1, item: "--verbose" }])).toBe("spec.args[1]");
  });

  it("quotes keys that are not plain identifiers, so a dotted label key cannot read as nesting", () => {
    expect(formatFieldPath([{ field: "metadata" }, { field: "labels" }, { field: "app.kubernetes.io/name" }])).toBe('metadata.labels["app.kubernetes.io/name"]');
    expect(formatFieldPath([{ field: "data" }, { field: "CONCURRENCY" }])).toBe("data.CONCURRENCY");
  });
});
