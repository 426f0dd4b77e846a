import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { systemActor } from "./actor";
import { signInLimitsFromEnv, type SignInLimits } from "./sign-in-limits";

export interface SignInAttempt {
  name: string;
  clientIp: string | null;
  requestId?: string | null;
}

export interface SignInThrottle {
  /** Throws `too_many_requests` while any counter of this attempt is locked. Cheap: no hashing. */
  refuseIfLocked(attempt: SignInAttempt): Promise<void>;
  /** Counts a failure; the failure that reaches a limit locks that counter and is audited. */
  recordFailure(attempt: SignInAttempt): Promise<void>;
  /** A correct password clears this name's count from this address only: a sprayer who owns one account cannot reset its address. */
  recordSuccess(attempt: SignInAttempt): Promise<void>;
}

type Scope = "user-and-ip" | "ip" | "user";

interface Counter {
  scope: Scope;
  limiter: RateLimiterPrisma;
  keyOf(attempt: SignInAttempt): string;
}

// Every replica counts in the same table, so a limit holds however many replicas an attacker
// spreads guesses over. Each write is a single statement, which PGlite's shared session needs.
export function createSignInThrottle(limits: SignInLimits = signInLimitsFromEnv()): SignInThrottle {
  const windowSeconds = limits.lockoutMinutes * 60;
  const counter = (scope: Scope, points: number, keyOf: Counter["keyOf"]): Counter => ({
    scope,
    keyOf,
    limiter: new RateLimiterPrisma({
      storeClient: db(),
      tableName: "rateLimiterFlexible",
      keyPrefix: `sign-in:${scope}`,
      points,
      duration: windowSeconds,
    }),
  });
  // An unknown address shares one bucket rather than escaping the per-address limits.
  const ipOf = (attempt: SignInAttempt) => attempt.clientIp ?? "unknown";
  const counters = [
    counter("user-and-ip", limits.failuresPerUserAndIp, (attempt) => `${ipOf(attempt)}|${attempt.name}`),
    counter("ip", limits.failuresPerIp, ipOf),
    counter("user", limits.failuresPerUser, (attempt) => attempt.name),
  ];
  const userAndIp = counters[0]!;

  return {
    async refuseIfLocked(attempt) {
      const states = await Promise.all(counters.map(({ limiter, keyOf }) => limiter.get(keyOf(attempt))));
      const locked = states.filter((state, index) => state && state.consumedPoints >= counters[index]!.limiter.points);
      if (locked.length === 0) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...locked.map((state) => state!.msBeforeNext)) / 1000));
      throw new AppError("too_many_requests", `Too many failed sign-ins; try again in ${formatWait(retryAfterSeconds)}`, { retryAfterSeconds });
    },

    async recordFailure(attempt) {
      await Promise.all(
        counters.map(async ({ scope, limiter, keyOf }) => {
          const state = await limiter.consume(keyOf(attempt)).catch(countedOverLimit);
          // The database increments atomically, so exactly one failure sees the count reach the
          // limit: that one locks the door and writes the one audit record for this lockout.
          if (state.consumedPoints !== limiter.points) return;
          const blocked = await limiter.block(keyOf(attempt), windowSeconds);
          await auditLockout(attempt, scope, limiter.points, new Date(Date.now() + blocked.msBeforeNext), limits.lockoutMinutes);
        }),
      );
    },

    async recordSuccess(attempt) {
      await userAndIp.limiter.delete(userAndIp.keyOf(attempt));
    },
  };
}

let processThrottle: SignInThrottle | undefined;

/** The process-wide throttle, created on first use so that importing it opens no database. */
export function signInThrottle(): SignInThrottle {
  processThrottle ??= createSignInThrottle();
  return processThrottle;
}

/** A failure past the limit (a concurrent attempt that passed the check just before the lock) is still counted, not an error. */
function countedOverLimit(rejection: unknown): RateLimiterRes {
  if (rejection instanceof RateLimiterRes) return rejection;
  throw rejection;
}

const scopeText: Record<Scope, string> = {
  "user-and-ip": "for this user name from this address",
  ip: "from this address",
  user: "for this user name",
};

async function auditLockout(attempt: SignInAttempt, scope: Scope, failures: number, lockedUntil: Date, minutes: number) {
  const clientIp = attempt.clientIp;
  await recordAuditEvent({
    actor: systemActor,
    action: "auth.lockout",
    target: { kind: "User", namespace: "", name: attempt.name },
    reason: `${failures} failed sign-ins ${scopeText[scope]} within ${minutes} minutes`,
    after: { userName: attempt.name, clientIp, scope, failures, lockedUntil: lockedUntil.toISOString() },
    outcome: "success",
    origin: { requestId: attempt.requestId ?? null, clientIp },
  });
}

function formatWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60 ? `${seconds} seconds` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
