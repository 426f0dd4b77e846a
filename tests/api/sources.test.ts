import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteSource, GET as getSource, PATCH as updateSource } from "@/app/api/sources/[id]/route";
import { POST as applySource } from "@/app/api/sources/[id]/apply/route";
import { POST as previewSource } from "@/app/api/sources/[id]/preview/route";
import { POST as adoptSources } from "@/app/api/sources/adopt/route";
import { GET as listExisting } from "@/app/api/sources/existing/route";
import { GET as listSources, POST as createSource } from "@/app/api/sources/route";
import { db } from "@/lib/db/client";
import { openGitCredential } from "@/lib/git-credentials";
import { call } from "../support/http";
import { newUser } from "../support/users";

// Audit rows carry a BigInt sequence number, which JSON.stringify refuses.
const asText = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const auditsOf = (name: string) => db().auditEvent.findMany({ where: { targetKind: "GitOpsSource", targetName: name }, orderBy: { seq: "asc" } });

let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;

const body = (overrides: Record<string, unknown> = {}) => ({
  name: unique("shop"),
  url: "https://git.example.com/acme/fleet",
  ref: { branch: "main" },
  path: "./clusters/{{labels.env}}",
  interval: "5m",
  prune: true,
  targetNamespace: "shop",
  selector: `suite=${randomUUID().slice(0, 8)}`,
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}, headers = admin) {
  return call(createSource, { method: "POST", path: "/api/sources", headers, body: body(overrides) });
}

beforeAll(async () => {
  admin = bearer(await (await newUser("admin")).token());
  operator = bearer(await (await newUser("operator")).token());
  viewer = bearer(await (await newUser("viewer")).token());
});

describe("storing a source's definition", () => {
  it("stores the definition only, shows it with no rollout yet, and audits the creation", async () => {
    const response = await create();
    expect(response.status).toBe(201);
    const source = response.json;
    expect(source).toMatchObject({ definition: { namespace: "flux-system", ref: { branch: "main" }, path: "./clusters/{{labels.env}}", prune: true, clusterIds: [] }, rollout: [], appliedHash: null, deleting: false, adopted: false });
    expect(await db().clusterSource.count({ where: { sourceId: source.id } })).toBe(0);

    const listed = await call(listSources, { path: "/api/sources", headers: viewer });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((item: { id: string }) => item.id)).toContain(source.id);
    const one = await call(getSource, { path: `/api/sources/${source.id}`, params: { id: source.id }, headers: viewer });
    expect(one.json.definition).toEqual(source.definition);
    expect((await auditsOf(source.definition.name)).map((event) => event.action)).toEqual(["source.create"]);
  });

  it("edits the definition (the rollout waits for a preview and an apply) and audits before and after", async () => {
    const source = (await create()).json;
    const edited = await call(updateSource, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, headers: admin, body: { ref: { tag: "v1.2.0" }, timeout: "3m" } });
    expect(edited.status).toBe(200);
    expect(edited.json.definition).toMatchObject({ ref: { tag: "v1.2.0" }, timeout: "3m", url: source.definition.url });
    expect(edited.json.definitionHash).not.toBe(source.definitionHash);
    const [, update] = await auditsOf(source.definition.name);
    expect(update).toMatchObject({ action: "source.update", before: expect.objectContaining({ ref: { branch: "main" } }), after: expect.objectContaining({ ref: { tag: "v1.2.0" } }) });
  });

  it("deletes a source that never reached a cluster at once, and audits it", async () => {
    const source = (await create()).json;
    const deleted = await call(deleteSource, { method: "DELETE", path: `/api/sources/${source.id}`, params: { id: source.id }, headers: admin });
    expect(deleted.status).toBe(200);
    expect(await db().gitOpsSource.count({ where: { id: source.id } })).toBe(0);
    expect((await call(getSource, { path: `/api/sources/${source.id}`, params: { id: source.id }, headers: admin })).status).toBe(404);
    expect((await auditsOf(source.definition.name)).map((event) => event.action)).toEqual(["source.create", "source.delete"]);
  });

  it("keeps inline credentials in the one Git credential store, sealed, and never shows or audits the secret", async () => {
    const token = `tok-${randomUUID()}`;
    const response = await create({ credentials: { kind: "https-token", token, username: "deployer" } });
    expect(response.status).toBe(201);
    const credential = response.json.credential;
    expect(credential).toMatchObject({ kind: "https-token", name: expect.stringContaining(response.json.definition.name) });
    expect(await openGitCredential(credential.id)).toMatchObject({ kind: "basic", username: "deployer", password: token });
    const row = await db().gitOpsSource.findUniqueOrThrow({ where: { id: response.json.id } });
    expect(asText(row)).not.toContain(token);
    expect(asText(response.json)).not.toContain(token);
    expect(asText(await db().auditEvent.findMany({ where: { OR: [{ targetName: response.json.definition.name }, { targetName: credential.name }] } }))).not.toContain(token);
  });

  it("uses an existing credential by id", async () => {
    const stored = await call((await import("@/app/api/git-credentials/route")).POST, {
      method: "POST",
      path: "/api/git-credentials",
      headers: admin,
      body: { kind: "https-basic", name: unique("fleet"), urlPattern: "git.example.com", username: "u", password: "p" },
    });
    const response = await create({ credentials: { credentialId: stored.json.id } });
    expect(response.status).toBe(201);
    expect(response.json.credential).toEqual({ id: stored.json.id, name: stored.json.name, kind: "https-basic" });
  });
});

describe("bad input is refused with a clear 4xx, and nothing is stored", () => {
  it.each([
    ["a file:// URL", { url: "file:///etc/passwd" }, "url"],
    ["a path that escapes the repository", { path: "../../etc" }, "path"],
    ["a name that is not DNS-1123", { name: "Shop_EU" }, "name"],
    ["an unknown placeholder", { path: "./clusters/{{env}}" }, "path"],
    ["a ref with two kinds", { ref: { branch: "main", tag: "v1" } }, "ref"],
    ["a selector that does not parse", { selector: "env in (prod" }, "selector"],
    ["an unknown cluster id", { clusterIds: [randomUUID()] }, "clusterIds"],
    ["an unknown credential id", { credentials: { credentialId: randomUUID() } }, "credentials"],
  ])("%s: 422 naming the field", async (_, overrides, field) => {
    const name = unique("bad");
    const response = await create({ name, ...overrides });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("validation_failed");
    expect(asText(response.json.error.details)).toContain(field);
    expect(await db().gitOpsSource.count({ where: { name: (overrides as { name?: string }).name ?? name } })).toBe(0);
  });

  it("a name taken by another source: 409", async () => {
    const first = (await create()).json;
    const again = await create({ name: first.definition.name });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
  });

  it("an empty edit, or an edit of the name: 422", async () => {
    const source = (await create()).json;
    for (const change of [{}, { name: "other" }]) {
      const response = await call(updateSource, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, headers: admin, body: change });
      expect(response.status).toBe(422);
    }
  });

  it("operators and viewers cannot create, edit, preview, apply or delete a source", async () => {
    const source = (await create()).json;
    for (const headers of [operator, viewer]) {
      expect((await create({}, headers)).status).toBe(403);
      expect((await call(updateSource, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, headers, body: { interval: "1m" } })).status).toBe(403);
      expect((await call(previewSource, { method: "POST", path: `/api/sources/${source.id}/preview`, params: { id: source.id }, headers })).status).toBe(403);
      expect((await call(applySource, { method: "POST", path: `/api/sources/${source.id}/apply`, params: { id: source.id }, headers, body: {} })).status).toBe(403);
      expect((await call(deleteSource, { method: "DELETE", path: `/api/sources/${source.id}`, params: { id: source.id }, headers })).status).toBe(403);
    }
  });
});

describe("preview and apply", () => {
  async function clusterWith(labels: Record<string, string>) {
    return db().cluster.create({ data: { name: unique("c"), server: "https://127.0.0.1:1", context: "default", kubeconfigEncrypted: "sealed", labels } });
  }

  it("a targeted cluster without a label the templates use is invalid, and the preview names the label", async () => {
    const suite = randomUUID().slice(0, 8);
    const cluster = await clusterWith({ suite, region: "eu" });
    const source = (await create({ selector: `suite=${suite}`, postBuild: { substitute: { region: "{{labels.region}}" } } })).json;
    const preview = await call(previewSource, { method: "POST", path: `/api/sources/${source.id}/preview`, params: { id: source.id }, headers: admin });
    expect(preview.status).toBe(200);
    expect(preview.json.summary).toEqual({ create: 0, update: 0, remove: 0, unchanged: 0, invalid: 1 });
    expect(preview.json.clusters).toEqual([expect.objectContaining({ clusterId: cluster.id, action: "invalid", missingLabels: ["env"], reason: expect.stringContaining('"env"') })]);
    expect(preview.json.planHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("an apply without the preview's planHash is refused (422 preview_required), and a stale one (409 preview_outdated), storing nothing", async () => {
    const suite = randomUUID().slice(0, 8);
    await clusterWith({ suite });
    const source = (await create({ selector: "" })).json;
    const missing = await call(applySource, { method: "POST", path: `/api/sources/${source.id}/apply`, params: { id: source.id }, headers: admin, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.json.error.code).toBe("preview_required");

    const scoped = (await create({ selector: `suite=${suite}` })).json;
    const preview = await call(previewSource, { method: "POST", path: `/api/sources/${scoped.id}/preview`, params: { id: scoped.id }, headers: admin });
    await call(updateSource, { method: "PATCH", path: `/api/sources/${scoped.id}`, params: { id: scoped.id }, headers: admin, body: { path: "./clusters/{{cluster.name}}" } });
    const stale = await call(applySource, { method: "POST", path: `/api/sources/${scoped.id}/apply`, params: { id: scoped.id }, headers: admin, body: { planHash: preview.json.planHash } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("preview_outdated");
    for (const id of [source.id, scoped.id]) {
      expect(await db().clusterSource.count({ where: { sourceId: id } })).toBe(0);
      expect((await db().gitOpsSource.findUniqueOrThrow({ where: { id } })).appliedHash).toBeNull();
    }
  });

  it("a preview or apply of a source that does not exist: 404", async () => {
    const id = randomUUID();
    expect((await call(previewSource, { method: "POST", path: `/api/sources/${id}/preview`, params: { id }, headers: admin })).status).toBe(404);
    expect((await call(applySource, { method: "POST", path: `/api/sources/${id}/apply`, params: { id }, headers: admin, body: { planHash: "a".repeat(64) } })).status).toBe(404);
  });
});

describe("existing Flux sources", () => {
  it("are listed read-only for every signed-in user, and adopting a URL no cluster has is a 404", async () => {
    const listed = await call(listExisting, { path: "/api/sources/existing", headers: viewer });
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.json.items)).toBe(true);
    const adopt = await call(adoptSources, { method: "POST", path: "/api/sources/adopt", headers: admin, body: { url: `https://git.example.com/${randomUUID()}` } });
    expect(adopt.status).toBe(404);
    expect((await call(adoptSources, { method: "POST", path: "/api/sources/adopt", headers: operator, body: { url: "https://x" } })).status).toBe(403);
  });
});

describe("the credential a source uses", () => {
  it("cannot be removed from the credential store while the source uses it (409), and can once it does not", async () => {
    const { DELETE: removeCredential } = await import("@/app/api/git-credentials/[id]/route");
    const source = (await create({ credentials: { kind: "https-basic", username: "deployer", password: `pw-${randomUUID()}` } })).json;
    const credentialId = source.credential.id;
    const refused = await call(removeCredential, { method: "DELETE", path: `/api/git-credentials/${credentialId}`, params: { id: credentialId }, headers: admin });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain(source.definition.name);
    await call(updateSource, { method: "PATCH", path: `/api/sources/${source.id}`, params: { id: source.id }, headers: admin, body: { credentials: null } });
    const removed = await call(removeCredential, { method: "DELETE", path: `/api/git-credentials/${credentialId}`, params: { id: credentialId }, headers: admin });
    expect(removed.status).toBe(200);
  });
});

describe("applying on some clusters only", () => {
  it("is for a definition already applied (a retry or a re-apply), never for an edit: 422", async () => {
    const source = (await create()).json;
    const response = await call(applySource, { method: "POST", path: `/api/sources/${source.id}/apply`, params: { id: source.id }, headers: admin, body: { planHash: "a".repeat(64), clusterIds: [randomUUID()] } });
    expect(response.status).toBe(422);
    expect(asText(response.json.error.details)).toContain("clusterIds");
  });
});
