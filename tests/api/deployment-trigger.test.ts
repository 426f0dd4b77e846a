import { subMinutes } from "date-fns";
import { describe, expect, it } from "vitest";
import { recordIntent } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { findTrigger } from "@/lib/deployments";
import { apps, clusterRow, fleet } from "../support/timeline-seed";
import { newUser } from "../support/users";

/** Flux's timestamps have whole seconds. */
const fluxTime = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * A resume records its intent before it patches anything and its completion after every patch;
 * Flux applies as soon as the first patch lands, usually before the completion is written, and
 * dates the apply to the whole second.
 */
async function resumeAppliedMidway(outcome: "success" | "failure") {
  const cluster = await clusterRow("trigger");
  const operator = await newUser("operator");
  const actor = { type: "user" as const, id: operator.id, name: operator.name, email: null, role: "operator" as const, via: "token" as const };
  const intent = await recordIntent({ actor, action: "autosync.enable", cluster: { id: cluster.id, name: cluster.name } }, []);
  const intentAt = (await db().auditEvent.findUniqueOrThrow({ where: { id: intent.id } })).at;
  const appliedAt = fluxTime(intentAt);
  await intent.complete({ actor, action: "autosync.enable", cluster: { id: cluster.id, name: cluster.name }, outcome });
  const trigger = await findTrigger({ clusterId: cluster.id, reconciler: apps, source: fleet, after: subMinutes(appliedAt, 5), appliedAt });
  return { trigger, operator };
}

describe("who brought an apply about", () => {
  it("is the user whose resume was still completing when Flux applied, within Flux's whole second", async () => {
    const { trigger, operator } = await resumeAppliedMidway("success");
    expect(trigger).toEqual({ user: operator.name, action: "resume" });
  });

  it("is no one when the resume's completion says it failed", async () => {
    const { trigger } = await resumeAppliedMidway("failure");
    expect(trigger).toBeNull();
  });
});
