import { db } from "../db/client";
import { log } from "../log/logger";
import { replicaId } from "./replica-id";

export interface LeaseTiming {
  /** How long a lease lasts without renewal: the longest a dead leader keeps the writers stopped. */
  ttlMs: number;
  /** How often every replica renews its lease (or tries to take it) and beats its heartbeat. */
  renewMs: number;
}

export const defaultLeaseTiming: LeaseTiming = {
  ttlMs: Number(process.env.SYNCLINE_LEADER_TTL_MS ?? 10_000),
  renewMs: Number(process.env.SYNCLINE_LEADER_RENEW_MS ?? 3_000),
};

const LEASE = "writers";

export interface LeadershipEvents {
  /** Called when this replica becomes the leader; the writers start here. */
  elected(term: bigint): Promise<void> | void;
  /** Called when it stops being the leader (lease lost, or stop()); the writers stop here. */
  deposed(): Promise<void> | void;
}

/**
 * One leader among the replicas that share a database, through a lease row whose expiry is kept
 * in the database's own time. Every replica tries to take or renew the lease every `renewMs`; it
 * is taken only when it is free or expired, so after a leader dies another takes over within
 * ttl + renew (13 s by default). A leader that cannot renew (its database connection is gone)
 * steps down before its lease can have expired elsewhere, so two leaders never write at once.
 *
 * A lease row, not an advisory lock, because the embedded database multiplexes every connection
 * onto one session, where an advisory lock would be granted to everyone.
 */
export class LeaderLease {
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private renewedAt = 0;
  private ticking: Promise<void> = Promise.resolve();
  readonly holder = replicaId();

  constructor(
    private readonly events: LeadershipEvents,
    private readonly timing: LeaseTiming = defaultLeaseTiming,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): Promise<void> {
    this.timer ??= setInterval(() => void this.tick(), this.timing.renewMs);
    this.timer.unref();
    return this.tick();
  }

  /** Stops competing, lets the writers finish, and hands the lease back so a successor need not wait for it to expire. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    if (this.leading) await this.depose();
    // Expired in place rather than deleted, so the next holder's term still counts on from this one.
    await db()
      .$executeRaw`UPDATE "LeaderLease" SET "expiresAt" = now() - interval '1 second' WHERE "name" = ${LEASE} AND "holder" = ${this.holder}`.catch((error: unknown) =>
        log.warn({ err: error }, "leadership: could not hand back the lease; it expires on its own"),
      );
    await db().replica.deleteMany({ where: { id: this.holder } }).catch(() => undefined);
  }

  private tick(): Promise<void> {
    this.ticking = this.ticking.then(() => this.contend());
    return this.ticking;
  }

  private async contend(): Promise<void> {
    let term: bigint | undefined;
    try {
      await db().$executeRaw`
        INSERT INTO "Replica" ("id", "startedAt", "heartbeatAt") VALUES (${this.holder}, now(), now())
        ON CONFLICT ("id") DO UPDATE SET "heartbeatAt" = now()`;
      const ttl = `${this.timing.ttlMs} milliseconds`;
      const rows = await db().$queryRaw<{ term: bigint }[]>`
        INSERT INTO "LeaderLease" ("name", "holder", "term", "acquiredAt", "expiresAt")
        VALUES (${LEASE}, ${this.holder}, 1, now(), now() + ${ttl}::interval)
        ON CONFLICT ("name") DO UPDATE SET
          "holder" = EXCLUDED."holder",
          "term" = CASE WHEN "LeaderLease"."holder" = EXCLUDED."holder" THEN "LeaderLease"."term" ELSE "LeaderLease"."term" + 1 END,
          "acquiredAt" = CASE WHEN "LeaderLease"."holder" = EXCLUDED."holder" THEN "LeaderLease"."acquiredAt" ELSE now() END,
          "expiresAt" = EXCLUDED."expiresAt"
        WHERE "LeaderLease"."holder" = EXCLUDED."holder" OR "LeaderLease"."expiresAt" < now()
        RETURNING "term"`;
      term = rows[0]?.term;
      if (term !== undefined) this.renewedAt = Date.now();
    } catch (error) {
      log.warn({ err: error }, "leadership: could not reach the database to renew the lease");
      // Keep leading only while the lease surely still holds elsewhere's view too.
      if (this.leading && Date.now() - this.renewedAt < this.timing.ttlMs - this.timing.renewMs) return;
    }
    if (term !== undefined && !this.leading) {
      this.leading = true;
      log.info({ replica: this.holder, term: Number(term) }, "leadership: this replica is now the leader and runs the writers");
      await Promise.resolve(this.events.elected(term)).catch((error: unknown) => log.error({ err: error }, "leadership: starting the writers failed"));
    } else if (term === undefined && this.leading) {
      log.warn({ replica: this.holder }, "leadership: lost the lease; stopping the writers");
      await this.depose();
    }
  }

  private async depose(): Promise<void> {
    this.leading = false;
    await Promise.resolve(this.events.deposed()).catch((error: unknown) => log.error({ err: error }, "leadership: stopping the writers failed"));
  }
}
