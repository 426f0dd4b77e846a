import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as clusterAutoSyncRoute } from "@/app/api/clusters/[id]/auto-sync/route";
import { PUT as objectAutoSyncRoute } from "@/app/api/clusters/[id]/objects/[kind]/[namespace]/[name]/auto-sync/route";
import { GET as clusterPolicyRoute } from "@/app/api/clusters/[id]/pause-policy/route";
import { DELETE as removePolicyRoute, PATCH as updatePolicyRoute } from "@/app/api/pause-policies/[id]/route";
import { GET as listPoliciesRoute, POST as addPolicyRoute } from "@/app/api/pause-policies/route";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { newUser } from "../support/users";

/**
 * Policies are global, so each spec labels its clusters with a key of its own: no other spec's
 * clusters ever match these selectors.
 */
const suite = `suite-${randomUUID().slice(0, 8)}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

let admin: Record<string, string>;
let operator: Record<string, string>;
let viewer: Record<string, string>;
const created: string[] = [];

beforeAll(async () => {
  admin = bearer(await (await newUser("admin")).token());
  operator = bearer(await (await newUser("operator")).token());
  viewer = bearer(await (await newUser("viewer")).token());
});

afterAll(async () => {
  await db().pausePolicy.deleteMany({ where: { selector: { contains: suite } } });
  await db().cluster.deleteMany({ where: { id: { in: created } } });
});

async function addPolicy(body: Record<string, unknown>, headers = admin) {
  return call(addPolicyRoute, { method: "POST", headers, body });
}

/** A registered cluster as the database holds it; enforcement refuses before any cluster is contacted. */
async function clusterLabelled(labels: Record<string, string>) {
  const row = await db().cluster.create({
    data: { name: `policy-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed", labels },
  });
  created.push(row.id);
  return row;
}

const pause = (clusterId: string, body: Record<string, unknown>, headers = operator) =>
  call(clusterAutoSyncRoute, { method: "PUT", headers, params: { id: clusterId }, body: { enabled: false, ...body } });

async function nothingWrittenFor(clusterId: string) {
  expect(await db().suspension.count({ where: { clusterId } })).toBe(0);
  expect(await db().auditEvent.count({ where: { clusterId } })).toBe(0);
}

describe("managing pause policies", () => {
  it("an admin adds, changes and removes a policy; each change is audited with the settings before and after", async () => {
    const selector = `${suite}=production`;
    const added = await addPolicy({ selector, requireReason: true, defaultExpiryMinutes: 240, maxExpiryMinutes: 480 });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ selector, requireReason: true, defaultExpiryMinutes: 240, maxExpiryMinutes: 480, updatedBy: expect.stringMatching(/^u-/) });

    const listed = await call(listPoliciesRoute, { headers: viewer });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toContainEqual(expect.objectContaining({ id: added.json.id, selector }));

    const changed = await call(updatePolicyRoute, { method: "PATCH", headers: admin, params: { id: added.json.id }, body: { maxExpiryMinutes: 720 } });
    expect(changed.status).toBe(200);
    expect(changed.json.maxExpiryMinutes).toBe(720);

    const removed = await call(removePolicyRoute, { method: "DELETE", headers: admin, params: { id: added.json.id } });
    expect(removed.status).toBe(200);
    expect(await db().pausePolicy.count({ where: { id: added.json.id } })).toBe(0);

    const audit = await db().auditEvent.findMany({ where: { targetKind: "PausePolicy", targetName: selector }, orderBy: { at: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["policy.create", "policy.update", "policy.delete"]);
    expect(audit[1]).toMatchObject({ before: expect.objectContaining({ maxExpiryMinutes: 480 }), after: expect.objectContaining({ maxExpiryMinutes: 720 }) });
  });

  it("is refused to operators and viewers, who may still read the policies", async () => {
    for (const headers of [operator, viewer]) {
      const refused = await addPolicy({ selector: `${suite}=refused`, requireReason: true }, headers);
      expect(refused.status).toBe(403);
      expect((await call(listPoliciesRoute, { headers })).status).toBe(200);
    }
    expect(await db().pausePolicy.count({ where: { selector: `${suite}=refused` } })).toBe(0);
  });

  it("answers a malformed selector, a default beyond the max and a second policy for one selector with a clear 4xx, storing nothing", async () => {
    const malformed = await addPolicy({ selector: `${suite} in (prod,` });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error).toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ path: "selector" })] });

    const inverted = await addPolicy({ selector: `${suite}=inverted`, defaultExpiryMinutes: 600, maxExpiryMinutes: 60 });
    expect(inverted.status).toBe(422);
    expect(inverted.json.error.details).toContainEqual(expect.objectContaining({ path: "defaultExpiryMinutes" }));

    expect((await addPolicy({ selector: `${suite}=twice` })).status).toBe(201);
    const twice = await addPolicy({ selector: `${suite}=twice`, requireReason: true });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe("conflict");
    expect(await db().pausePolicy.count({ where: { selector: { contains: suite }, OR: [{ selector: { contains: "inverted" } }, { selector: { contains: "prod," } }] } })).toBe(0);
  });
});

describe("pausing under a policy", () => {
  let production: { id: string };
  let staging: { id: string };

  beforeAll(async () => {
    expect((await addPolicy({ selector: `${suite} in (production,prod)`, requireReason: true, defaultExpiryMinutes: 240, maxExpiryMinutes: 480 })).status).toBe(201);
    expect((await addPolicy({ selector: `${suite}-team=payments`, defaultExpiryMinutes: 60 })).status).toBe(201);
    production = await clusterLabelled({ [suite]: "production", [`${suite}-team`]: "payments" });
    staging = await clusterLabelled({ [suite]: "staging" });
  });

  it("anyone can read the policy that applies to a cluster: the strictest of each setting among those that match", async () => {
    const policy = await call(clusterPolicyRoute, { headers: viewer, params: { id: production.id } });
    expect(policy.status).toBe(200);
    expect(policy.json).toEqual({
      selectors: [`${suite} in (production,prod)`, `${suite}-team=payments`],
      requireReason: true,
      reasonRequiredBy: `${suite} in (production,prod)`,
      defaultExpiryMinutes: 60,
      defaultExpiryFrom: `${suite}-team=payments`,
      maxExpiryMinutes: 480,
      maxExpiryFrom: `${suite} in (production,prod)`,
    });
    const none = await call(clusterPolicyRoute, { headers: viewer, params: { id: staging.id } });
    expect(none.json).toMatchObject({ selectors: [], requireReason: false, defaultExpiryMinutes: null, maxExpiryMinutes: null });
  });

  it("a pause without a reason is refused with 422 pause_policy_violation naming the policy, and nothing is written", async () => {
    const refused = await pause(production.id, { until: hoursFromNow(1) });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({
      code: "pause_policy_violation",
      message: `The pause policy for ${suite} in (production,prod) requires a reason for every pause`,
      details: [expect.objectContaining({ path: "reason", policy: `${suite} in (production,prod)` })],
    });
    await nothingWrittenFor(production.id);
  });

  it("a pause longer than the policy allows is refused with 422, and nothing is written", async () => {
    const refused = await pause(production.id, { reason: "INC-2142", until: hoursFromNow(9) });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("pause_policy_violation");
    expect(refused.json.error.message).toContain("at most 8 h");
    await nothingWrittenFor(production.id);
  });

  it("one object's pause is held to its cluster's policy too", async () => {
    const refused = await call(objectAutoSyncRoute, {
      method: "PUT",
      headers: operator,
      params: { id: production.id, kind: "Kustomization", namespace: "flux-system", name: "apps" },
      body: { enabled: false, until: hoursFromNow(1) },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("pause_policy_violation");
    await nothingWrittenFor(production.id);
  });
});
