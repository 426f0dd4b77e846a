/**
 * How many failed sign-ins lock a door, and for how long. Three counters, so that no single
 * spread of guesses slips through: one user name from one address (someone mistyping, or a
 * targeted guess), one address across many names (password spraying), and one name across many
 * addresses (a botnet on one account).
 */
export interface SignInLimits {
  failuresPerUserAndIp: number;
  failuresPerIp: number;
  failuresPerUser: number;
  /** Failures count within this window, and a lockout lasts this long. */
  lockoutMinutes: number;
}

export function signInLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): SignInLimits {
  return {
    failuresPerUserAndIp: positiveInteger(env, "SYNCLINE_SIGNIN_FAILURES_PER_USER_AND_IP", 5),
    failuresPerIp: positiveInteger(env, "SYNCLINE_SIGNIN_FAILURES_PER_IP", 50),
    failuresPerUser: positiveInteger(env, "SYNCLINE_SIGNIN_FAILURES_PER_USER", 20),
    lockoutMinutes: positiveInteger(env, "SYNCLINE_SIGNIN_LOCKOUT_MINUTES", 15),
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const given = env[name];
  if (given === undefined || given === "") return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${given}"`);
  return value;
}
