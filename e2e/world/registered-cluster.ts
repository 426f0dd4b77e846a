import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { SandboxCluster } from "../sandbox";
import { readAppState } from "./app-state";

/** A sandbox cluster registered with the app under test through its API, as an admin would. */
export interface RegisteredCluster {
  id: string;
  name: string;
  /** Turns auto-sync off with a reason, resuming by itself in an hour. */
  pause: (reason: string) => Promise<void>;
  /** Resumes auto-sync and removes the cluster, leaving the shared sandbox and app as found. */
  remove: () => Promise<void>;
}

async function adminApi(): Promise<APIRequestContext> {
  const { baseURL, adminPassword } = readAppState();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const signedIn = await api.post("/api/auth/sign-in", { data: { name: "admin", password: adminPassword } });
  if (!signedIn.ok()) throw new Error(`signing in as admin failed: ${signedIn.status()}`);
  return api;
}

export async function registerCluster(cluster: SandboxCluster, name: string, labels: Record<string, string>): Promise<RegisteredCluster> {
  const api = await adminApi();
  const added = await api.post("/api/clusters", {
    data: { name, kubeconfig: readFileSync(cluster.kubeconfig, "utf8"), context: cluster.context, labels, allowDuplicateServer: true },
  });
  if (added.status() !== 201) throw new Error(`registering ${name} failed: ${added.status()} ${await added.text()}`);
  const { id } = (await added.json()) as { id: string };
  return {
    id,
    name,
    pause: async (reason) => {
      const until = new Date(Date.now() + 3_600_000).toISOString();
      const paused = await api.put(`/api/clusters/${id}/auto-sync`, { data: { enabled: false, reason, until } });
      if (!paused.ok()) throw new Error(`pausing ${name} failed: ${paused.status()} ${await paused.text()}`);
    },
    remove: async () => {
      await api.put(`/api/clusters/${id}/auto-sync`, { data: { enabled: true } });
      await api.delete(`/api/clusters/${id}`);
      await api.dispose();
    },
  };
}
