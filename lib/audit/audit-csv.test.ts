import { describe, expect, it } from "vitest";
import type { AuditEventDto } from "../fleet/dto";
import { auditCsv } from "./audit-csv";

const event: AuditEventDto = {
  id: "0190f2a0-0000-7000-8000-000000000001",
  at: "2026-11-26T12:00:00.000Z",
  actorType: "user",
  actorName: "maria",
  action: "autosync.disable",
  clusterId: "0190f2a0-0000-7000-8000-000000000002",
  clusterName: "prod-eu",
  target: null,
  reason: 'freeze, "black friday"',
  before: null,
  after: null,
  outcome: "partial",
  results: [
    { kind: "Kustomization", namespace: "flux-system", name: "apps", outcome: "changed" },
    { kind: "HelmRelease", namespace: "db", name: "redis", outcome: "failed", message: "forbidden: no" },
  ],
  requestId: "req-1",
  clientIp: "10.0.0.1",
};

describe("audit CSV export", () => {
  it("has a header and one line per record with each object's outcome", () => {
    const [header, line] = auditCsv([event]).split("\r\n");
    expect(header).toBe("at,actor_type,actor,action,cluster,target,reason,outcome,objects,request_id,client_ip");
    expect(line).toBe(
      '2026-11-26T12:00:00.000Z,user,maria,autosync.disable,prod-eu,,"freeze, ""black friday""",partial,' +
        "Kustomization flux-system/apps: changed; HelmRelease db/redis: failed (forbidden: no),req-1,10.0.0.1",
    );
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const line = auditCsv([{ ...event, reason: "=HYPERLINK(\"http://x\")", results: null }]).split("\r\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
