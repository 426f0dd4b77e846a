import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { syncline } from "../support/cli";
import { sandbox } from "../support/sandbox-clusters";

const cliEnv = () => ({ DATABASE_URL: process.env.DATABASE_URL!, SYNCLINE_DB_POOL_SIZE: "1", SYNCLINE_SECRET_KEY: process.env.SYNCLINE_SECRET_KEY! });

describe("cluster changes made with the CLI", () => {
  it("are recorded as cli:<os user>, not as the system actor that the expiry worker uses", async () => {
    const name = `cli-audit-${Date.now()}`;
    const added = await syncline(["cluster", "add", name, "--kubeconfig", sandbox().clusters[0]!.kubeconfig, "--allow-duplicate-server"], { env: cliEnv() });
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    const removed = await syncline(["cluster", "remove", name], { env: cliEnv() });
    expect(removed.status).toBe(0);

    const events = await db().auditEvent.findMany({ where: { clusterName: name }, orderBy: { at: "asc" } });
    expect(events.map((event) => [event.action, event.actorType, event.actorName])).toEqual([
      ["cluster.add", "cli", cliActor().name],
      ["cluster.remove", "cli", cliActor().name],
    ]);
    expect(cliActor().name).toMatch(/^cli:.+/);
  });

  it("no longer accept --as, which let a shell user record a change in any Syncline user's name", async () => {
    const result = await syncline(["cluster", "remove", "anything", "--as", "admin"], { env: cliEnv() });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("unknown option '--as'");
  });
});
