import { describe, expect, it } from "vitest";
import { applyWatchEvent, emptyList, type WatchedObject } from "./apply-watch-event";

const ks = (name: string, resourceVersion: string, extra: Record<string, unknown> = {}): WatchedObject & { spec?: unknown } => ({
  metadata: { name, namespace: "flux-system", resourceVersion },
  ...extra,
});

describe("applyWatchEvent", () => {
  it("adds a new object and advances the list's resourceVersion", () => {
    const list = applyWatchEvent(emptyList("10"), { type: "ADDED", object: ks("apps", "11") });
    expect([...list.items.keys()]).toEqual(["flux-system/apps"]);
    expect(list.resourceVersion).toBe("11");
  });

  it("ignores a modification older than the held object, so a replayed event cannot roll state back", () => {
    const current = applyWatchEvent(emptyList("1"), { type: "ADDED", object: ks("apps", "20", { spec: { suspend: true } }) });
    const after = applyWatchEvent(current, { type: "MODIFIED", object: ks("apps", "15", { spec: { suspend: false } }) });
    expect(after).toBe(current);
    expect((after.items.get("flux-system/apps") as unknown as { spec: unknown }).spec).toEqual({ suspend: true });
  });

  it("ignores an echo of the version already held, so a write Syncline applied is not re-published", () => {
    const current = applyWatchEvent(emptyList("1"), { type: "ADDED", object: ks("apps", "20") });
    expect(applyWatchEvent(current, { type: "MODIFIED", object: ks("apps", "20") })).toBe(current);
  });

  it("applies a newer modification and returns a new list without mutating the old one", () => {
    const before = applyWatchEvent(emptyList("1"), { type: "ADDED", object: ks("apps", "20", { spec: { suspend: false } }) });
    const after = applyWatchEvent(before, { type: "MODIFIED", object: ks("apps", "21", { spec: { suspend: true } }) });
    expect((after.items.get("flux-system/apps") as unknown as { spec: unknown }).spec).toEqual({ suspend: true });
    expect((before.items.get("flux-system/apps") as unknown as { spec: unknown }).spec).toEqual({ suspend: false });
  });

  it("removes a deleted object", () => {
    const before = applyWatchEvent(emptyList("1"), { type: "ADDED", object: ks("apps", "20") });
    const after = applyWatchEvent(before, { type: "DELETED", object: ks("apps", "22") });
    expect(after.items.size).toBe(0);
    expect(after.resourceVersion).toBe("22");
  });

  it("compares resourceVersions as numbers, not strings", () => {
    const before = applyWatchEvent(emptyList("1"), { type: "ADDED", object: ks("apps", "9") });
    const after = applyWatchEvent(before, { type: "MODIFIED", object: ks("apps", "10", { spec: { x: 1 } }) });
    expect(after).not.toBe(before);
  });

  it("a bookmark moves the resume point without touching objects", () => {
    const before = applyWatchEvent(emptyList("1"), { type: "ADDED", object: ks("apps", "5") });
    const after = applyWatchEvent(before, { type: "BOOKMARK", object: { metadata: { name: "", resourceVersion: "99" } } });
    expect(after.resourceVersion).toBe("99");
    expect(after.items).toBe(before.items);
  });
});
