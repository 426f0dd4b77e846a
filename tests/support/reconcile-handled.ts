import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { getObject, kubectl, type ObjectRef, type SandboxCluster } from "../../e2e/sandbox";

/**
 * Asks Flux to reconcile an object and waits until its controller has taken the request up.
 * kustomize-controller copies the request's token into status.lastHandledReconcileAt whenever it
 * returns, whether it applied the object or found it suspended: a positive signal that the
 * controller had its chance to act, where a sleep could only hope so.
 */
export async function reconcileHandled(cluster: SandboxCluster, ref: Required<ObjectRef>, timeoutMs = 60_000): Promise<void> {
  const token = `syncline-test-${randomUUID()}`;
  await kubectl(cluster, ["annotate", "--overwrite", "-n", ref.namespace, ref.kind, ref.name, `reconcile.fluxcd.io/requestedAt=${token}`]);
  await expect
    .poll(async () => (await getObject<{ status?: { lastHandledReconcileAt?: string } }>(cluster, ref)).status?.lastHandledReconcileAt, { timeout: timeoutMs, interval: 250 })
    .toBe(token);
}
