import type { EffectivePausePolicy } from "@/lib/schemas/pause-policies";

/** Four hours when no policy says otherwise: long enough for an incident, short enough not to be forgotten. */
export const FALLBACK_EXPIRY_MINUTES = 240;

const STANDARD_MINUTES = [30, 60, 240, 1440];

export type PauseChoice = { id: string; minutes: number } | { id: "at" } | { id: "never" };

/**
 * The expiries the pause dialog offers under a policy, and the one it pre-selects: the policy's
 * default, else four hours (never longer than the max). "Don't resume" is offered only where no
 * policy sets a longest expiry.
 */
export function pauseChoices(policy: Pick<EffectivePausePolicy, "defaultExpiryMinutes" | "maxExpiryMinutes"> | undefined): { choices: PauseChoice[]; initial: string } {
  const max = policy?.maxExpiryMinutes ?? null;
  const initialMinutes = policy?.defaultExpiryMinutes ?? (max === null ? FALLBACK_EXPIRY_MINUTES : Math.min(FALLBACK_EXPIRY_MINUTES, max));
  const minutes = [...new Set([...STANDARD_MINUTES.filter((m) => max === null || m <= max), initialMinutes, ...(max === null ? [] : [max])])].sort((a, b) => a - b);
  const choices: PauseChoice[] = [...minutes.map((m) => ({ id: `${m}m`, minutes: m })), { id: "at" as const }, ...(max === null ? [{ id: "never" as const }] : [])];
  return { choices, initial: `${initialMinutes}m` };
}

/** "30m", "1h", "1d", "1h 30m": the short form the dialog's choices use. */
export function compactMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days}d`, hours && `${hours}h`, rest && `${rest}m`].filter(Boolean).join(" ");
}
