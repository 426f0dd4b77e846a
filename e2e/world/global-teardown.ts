import { rmSync } from "node:fs";
import { connect } from "node:net";
import { clearAppState, readAppState } from "./app-state";

/** Stops the app global setup started (its whole process group) and waits until its port is closed. */
export default async function globalTeardown(): Promise<void> {
  const { pid, port, dataDir } = readAppState();
  if (!pid || !port) return;
  signalGroup(pid, "SIGTERM");
  if (!(await portClosed(port, 15_000))) {
    signalGroup(pid, "SIGKILL");
    if (!(await portClosed(port, 5_000))) throw new Error(`Syncline (process group ${pid}) still listens on port ${port}`);
  }
  await groupGone(pid, 10_000);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  clearAppState();
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

async function groupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  signalGroup(pgid, "SIGKILL");
}

async function portClosed(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (!open) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
