/** Time as the adapter sees it, so that a test can wait for a rate-limit reset without waiting. */
export interface GitHubClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: GitHubClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
