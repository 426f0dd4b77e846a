// vitest globalSetup: attaches to a running sandbox (`npm run sandbox`) or
// starts one for the test run, and provides it to tests as inject('sandbox').
import type { TestProject } from 'vitest/node';
import type { SandboxWorld } from './types';
import { attachOrStartWorld, type RunningWorld } from './world';

declare module 'vitest' {
  interface ProvidedContext {
    sandbox: SandboxWorld;
  }
}

let running: RunningWorld | undefined;

export async function setup(project: TestProject): Promise<void> {
  running = await attachOrStartWorld({ clusters: 2 });
  if (running.attached) process.stderr.write(`sandbox: attached to the running world in ${running.world.stateDir}\n`);
  project.provide('sandbox', running.world);
}

/** Stops only a world this run started; an attached one belongs to its host. */
export async function teardown(): Promise<void> {
  await running?.stop();
  running = undefined;
}
