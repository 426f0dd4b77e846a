import { randomUUID } from "node:crypto";
import { addDays, addMinutes, addYears, subDays, subHours, subMinutes } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit";
import { hashOpaqueToken, newOpaqueToken } from "@/lib/auth/opaque-token";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log/logger";
import { enforceRetention, retentionSettingsFromEnv, startRetentionJob, type RetentionSettings } from "@/lib/retention";
import { eventsTagged, recordTaggedEvents } from "../support/audit-chain";
import { newUser } from "../support/users";

const defaults = retentionSettingsFromEnv({});
const now = new Date();
let clusterId: string;
let userId: string;

beforeAll(async () => {
  ({ id: clusterId } = await db().cluster.create({
    data: { name: `retention-${randomUUID().slice(0, 8)}`, server: "https://127.0.0.1:6443", context: "default", kubeconfigEncrypted: "sealed" },
  }));
  ({ id: userId } = await newUser());
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  await db().cluster.delete({ where: { id: clusterId } });
});

/** Every kind with a setting kept forever; sign-in counters and replicas have no setting. */
const keepingForever: RetentionSettings = { ...defaults, expiredSessions: "forever", endedTokens: "forever", snapshotTombstones: "forever", syncEvents: "forever", endedSuspensions: "forever", correctedDrift: "forever", deployments: "forever" };

/** The default for one kind, every other kind kept forever: each kind is enforced on its own. */
function onlyRetaining(kind: Exclude<keyof RetentionSettings, "tickMs">): RetentionSettings {
  return { ...keepingForever, [kind]: defaults[kind] };
}

const tag = () => randomUUID().slice(0, 8);

async function session(expiresAt: Date) {
  return (await db().session.create({ data: { tokenHash: hashOpaqueToken(newOpaqueToken("sls")), userId, expiresAt } })).id;
}

async function token(dates: { revokedAt?: Date; expiresAt?: Date }) {
  return (await db().apiToken.create({ data: { userId, name: `t-${tag()}`, prefix: "slt_test", tokenHash: hashOpaqueToken(newOpaqueToken("slt")), ...dates } })).id;
}

async function snapshot(deletedAt: Date | null, observedAt = subDays(now, 400)) {
  const name = `app-${tag()}`;
  return (
    await db().fluxObjectSnapshot.create({
      data: { clusterId, kind: "Kustomization", namespace: "flux-system", name, uid: `uid-${name}`, resourceVersion: "1", object: {}, observedAt, deletedAt },
    })
  ).id;
}

async function syncEvent(firstSeen: Date, lastSeen: Date) {
  return (
    await db().syncEvent.create({
      data: { clusterId, eventUid: `ev-${tag()}`, kind: "Kustomization", namespace: "flux-system", name: "apps", type: "Normal", reason: "ReconciliationSucceeded", message: "applied", firstSeen, lastSeen },
    })
  ).id;
}

async function suspension(createdAt: Date, endedAt: Date | null) {
  return (await db().suspension.create({ data: { clusterId, actor: "alice", reason: "incident", createdAt, endedAt, endedBy: endedAt && "alice" } })).id;
}

async function driftEpisode(appearedAt: Date, correctedAt: Date | null) {
  const name = `web-${tag()}`;
  const episode = await db().driftEpisode.create({
    data: {
      clusterId,
      openKey: correctedAt ? null : `${clusterId}/Deployment/apps/${name}`,
      reconcilerKind: "Kustomization",
      reconcilerNamespace: "flux-system",
      reconcilerName: "apps",
      apiVersion: "apps/v1",
      kind: "Deployment",
      namespace: "apps",
      name,
      change: "modified",
      fields: ["spec.replicas"],
      managers: ["kubectl"],
      appearedAt,
      correctedAt,
      correctedBy: correctedAt && "flux",
    },
  });
  return episode.id;
}

async function signInCounter(expire: Date | null) {
  const key = `sign-in:user:${tag()}`;
  await db().rateLimiterFlexible.create({ data: { key, points: 3, expire } });
  return key;
}

async function replica(heartbeatAt: Date) {
  const id = `host-${tag()}:1:abc`;
  await db().replica.create({ data: { id, startedAt: subDays(heartbeatAt, 1), heartbeatAt } });
  return id;
}

const remaining = {
  sessions: async (ids: string[]) => (await db().session.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  tokens: async (ids: string[]) => (await db().apiToken.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  snapshots: async (ids: string[]) => (await db().fluxObjectSnapshot.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  syncEvents: async (ids: string[]) => (await db().syncEvent.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  suspensions: async (ids: string[]) => (await db().suspension.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  driftEpisodes: async (ids: string[]) => (await db().driftEpisode.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
  signInCounters: async (keys: string[]) => (await db().rateLimiterFlexible.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((row) => row.key),
  replicas: async (ids: string[]) => (await db().replica.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id),
};

describe("retention", () => {
  it("deletes a session 7 days after it expired, and keeps one expired for less and one still valid", async () => {
    const old = await session(subHours(now, 7 * 24 + 1));
    const recent = await session(subHours(now, 7 * 24 - 1));
    const valid = await session(addDays(now, 1));

    await enforceRetention(now, onlyRetaining("expiredSessions"));

    expect((await remaining.sessions([old, recent, valid])).sort()).toEqual([recent, valid].sort());
  });

  it("deletes an API token 90 days after it was revoked or expired, and keeps recently ended and working tokens", async () => {
    const revokedLongAgo = await token({ revokedAt: subDays(now, 91) });
    const expiredLongAgo = await token({ expiresAt: subDays(now, 91) });
    const revokedRecently = await token({ revokedAt: subDays(now, 89) });
    const expiredRecently = await token({ expiresAt: subDays(now, 89) });
    const working = await token({ expiresAt: addDays(now, 30) });
    const workingForever = await token({});

    await enforceRetention(now, onlyRetaining("endedTokens"));

    const kept = await remaining.tokens([revokedLongAgo, expiredLongAgo, revokedRecently, expiredRecently, working, workingForever]);
    expect(kept.sort()).toEqual([revokedRecently, expiredRecently, working, workingForever].sort());
  });

  it("deletes the snapshot of an object deleted from its cluster 30 days ago, and keeps newer tombstones and live objects however old", async () => {
    const oldTombstone = await snapshot(subDays(now, 31));
    const recentTombstone = await snapshot(subDays(now, 29));
    const liveSinceLongAgo = await snapshot(null);

    await enforceRetention(now, onlyRetaining("snapshotTombstones"));

    expect((await remaining.snapshots([oldTombstone, recentTombstone, liveSinceLongAgo])).sort()).toEqual([recentTombstone, liveSinceLongAgo].sort());
  });

  it("deletes a sync event last seen 180 days ago, and keeps an old event that Kubernetes reported again recently", async () => {
    const lastSeenLongAgo = await syncEvent(subDays(now, 200), subDays(now, 181));
    const repeatedRecently = await syncEvent(subDays(now, 400), subDays(now, 179));

    await enforceRetention(now, onlyRetaining("syncEvents"));

    expect(await remaining.syncEvents([lastSeenLongAgo, repeatedRecently])).toEqual([repeatedRecently]);
  });

  it("deletes a sync history step whose Flux time is 180 days old, under the sync events' setting, and keeps a recent one", async () => {
    const step = async (at: Date) =>
      (
        await db().syncRecord.create({
          data: { clusterId, kind: "Kustomization", namespace: "flux-system", name: "apps", sourceKind: "GitRepository", sourceNamespace: "flux-system", sourceName: "fleet", phase: "applied", revision: `main@sha1:${tag()}`, at },
        })
      ).id;
    const old = await step(subDays(now, 181));
    const recent = await step(subDays(now, 179));

    await enforceRetention(now, onlyRetaining("syncEvents"));
    const kept = await db().syncRecord.findMany({ where: { id: { in: [old, recent] } }, select: { id: true } });
    expect(kept.map((row) => row.id)).toEqual([recent]);

    await enforceRetention(now, keepingForever);
    expect(await db().syncRecord.count({ where: { id: recent } })).toBe(1);
  });

  it("deletes a suspension that ended 180 days ago, and keeps one that ended recently and one still open however old", async () => {
    const endedLongAgo = await suspension(subDays(now, 200), subDays(now, 181));
    const endedRecently = await suspension(subDays(now, 200), subDays(now, 179));
    const stillOpen = await suspension(subDays(now, 400), null);

    await enforceRetention(now, onlyRetaining("endedSuspensions"));

    expect((await remaining.suspensions([endedLongAgo, endedRecently, stillOpen])).sort()).toEqual([endedRecently, stillOpen].sort());
  });

  it("deletes a drift episode corrected 180 days ago, and keeps one corrected recently and one still open however old", async () => {
    const correctedLongAgo = await driftEpisode(subDays(now, 200), subDays(now, 181));
    const correctedRecently = await driftEpisode(subDays(now, 200), subDays(now, 179));
    const stillOpen = await driftEpisode(subDays(now, 400), null);

    await enforceRetention(now, onlyRetaining("correctedDrift"));

    expect((await remaining.driftEpisodes([correctedLongAgo, correctedRecently, stillOpen])).sort()).toEqual([correctedRecently, stillOpen].sort());
  });

  it("deletes expired sign-in counters, and keeps the counters of a running lockout window", async () => {
    const expired = await signInCounter(subMinutes(now, 1));
    const running = await signInCounter(addMinutes(now, 10));
    const permanent = await signInCounter(null);

    await enforceRetention(now, keepingForever);

    expect((await remaining.signInCounters([expired, running, permanent])).sort()).toEqual([running, permanent].sort());
  });

  it("forgets a replica silent for over an hour, and keeps one that beats", async () => {
    const gone = await replica(subHours(now, 1.5));
    const beating = await replica(subMinutes(now, 1));

    await enforceRetention(now, keepingForever);

    expect(await remaining.replicas([gone, beating])).toEqual([beating]);
  });

  it("keeps every row of a kind whose retention is forever", async () => {
    const session10YearsExpired = await session(addYears(now, -10));
    const event10YearsOld = await syncEvent(addYears(now, -10), addYears(now, -10));

    await enforceRetention(now, { ...defaults, expiredSessions: "forever", syncEvents: "forever" });

    expect(await remaining.sessions([session10YearsExpired])).toEqual([session10YearsExpired]);
    expect(await remaining.syncEvents([event10YearsOld])).toEqual([event10YearsOld]);
  });

  it("reports how many rows of each kind it removed, deleting a backlog larger than one batch", async () => {
    await enforceRetention(now, defaults);
    for (let i = 0; i < 5; i++) await session(subDays(now, 8));
    await syncEvent(subDays(now, 300), subDays(now, 200));
    await token({ revokedAt: subDays(now, 100) });

    const counts = await enforceRetention(now, defaults, { batchSize: 2 });

    expect(counts).toEqual({ expiredSessions: 5, endedTokens: 1, snapshotTombstones: 0, syncEvents: 1, syncRecords: 0, endedSuspensions: 0, correctedDrift: 0, deployments: 0, signInCounters: 0, silentReplicas: 0 });
  });

  it("stops between batches once asked to, leaving the rest for the next run", async () => {
    await enforceRetention(now, defaults);
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await session(subDays(now, 8)));
    const stopping = new AbortController();
    stopping.abort();

    const counts = await enforceRetention(now, defaults, { batchSize: 2, signal: stopping.signal });

    expect(counts.expiredSessions).toBe(0);
    expect(await remaining.sessions(sessions)).toHaveLength(4);
  });

  it("never deletes an audit record, however old, and leaves the audit chain intact", async () => {
    const auditTag = await recordTaggedEvents(3);
    const before = await db().auditEvent.count();
    const shortest: RetentionSettings = { ...defaults, expiredSessions: 1, endedTokens: 1, snapshotTombstones: 1, syncEvents: 1, endedSuspensions: 1, correctedDrift: 1, deployments: 1 };

    await enforceRetention(addYears(now, 200), shortest);

    expect(await db().auditEvent.count()).toBe(before);
    expect(await eventsTagged(auditTag)).toHaveLength(3);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("runs on a timer as a job, logging how many rows it removed at info", async () => {
    const info = vi.spyOn(log, "info");
    const expired = await session(subDays(new Date(), 8));
    const job = startRetentionJob({ ...defaults, tickMs: 50 });
    try {
      await vi.waitFor(async () => expect(await remaining.sessions([expired])).toEqual([]), { timeout: 10_000 });
      const loggedDeletions = () => info.mock.calls.map(([fields]) => (fields as { deleted?: { expiredSessions?: number } }).deleted?.expiredSessions ?? 0);
      await vi.waitFor(() => expect(Math.max(0, ...loggedDeletions())).toBeGreaterThanOrEqual(1));
    } finally {
      await job.stop();
    }
    const afterStop = await session(subDays(new Date(), 8));
    await new Promise((settle) => setTimeout(settle, 200));
    expect(await remaining.sessions([afterStop])).toEqual([afterStop]);
  });
});

describe("retention settings at start", () => {
  it("stop the server's background from loading when a setting is bad, naming the variable", async () => {
    vi.resetModules();
    vi.stubEnv("SYNCLINE_RETAIN_SYNC_EVENTS_DAYS", "0");
    try {
      await expect(import("@/lib/lifecycle/background-writers")).rejects.toThrow(/SYNCLINE_RETAIN_SYNC_EVENTS_DAYS="0" must be a whole number of days/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("read sessions 7 days, tokens 90, tombstones 30, sync events, suspensions and corrected drift 180, hourly, when nothing is set", () => {
    expect(retentionSettingsFromEnv({})).toEqual({ expiredSessions: 7, endedTokens: 90, snapshotTombstones: 30, syncEvents: 180, endedSuspensions: 180, correctedDrift: 180, deployments: 365, tickMs: 3_600_000 });
  });
});
