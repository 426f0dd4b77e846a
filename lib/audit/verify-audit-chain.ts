import { db } from "../db/client";
import { auditChainKey } from "./audit-chain-key";

export type AuditChainProblem = "hash mismatch" | "missing record" | "prevHash mismatch" | "not chained";

export interface AuditChainReport {
  ok: boolean;
  /** Records checked, in chain order. */
  checked: number;
  /** The newest link: worth noting outside the database, since dropping the newest records leaves no gap. */
  last: { seq: number; hash: string } | null;
  /**
   * The first record that breaks the chain. "missing record": records before this one are gone;
   * "not chained": a record without a place in the chain (inserted with the trigger switched off).
   */
  firstBroken?: { seq: number | null; id: string; at: string; action: string; problem: AuditChainProblem };
}

interface Link {
  seq: bigint;
  id: string;
  at: Date;
  action: string;
  prevHash: string | null;
  hash: string | null;
  expected: string;
}

const PAGE_SIZE = 1_000;

/** The migration that chained the history it found without a key, which it does not have. */
const CHAIN_MIGRATION = "20261201150000_audit_hash_chain";

/**
 * Walks the audit chain in seq order, a page at a time, and recomputes each hash with the same
 * SQL function the insert trigger uses. Unkeyed links ("sha256:") are accepted only for records
 * older than the chain migration and before any keyed one ("hmac:"); otherwise anyone could
 * re-hash an edited chain without the key. Moving those bounds takes editing the migration
 * table and every date after the edit too: a limit, not a proof, for that older history.
 */
export async function verifyAuditChain(): Promise<AuditChainReport> {
  const key = auditChainKey().toString("hex");
  const [migration] = await db().$queryRaw<{ finished_at: Date | null }[]>`
    SELECT finished_at FROM "_prisma_migrations" WHERE migration_name = ${CHAIN_MIGRATION} AND rolled_back_at IS NULL`;
  const unkeyedUntil = migration?.finished_at ?? null;
  let checked = 0;
  let previous: Link | null = null;
  let keyed = false;
  for (;;) {
    const after: bigint = previous?.seq ?? 0n;
    const page: Link[] = await db().$queryRaw<Link[]>`
      SELECT seq, id::text AS id, at, action, "prevHash", hash,
             "audit_chain_hash"(CASE WHEN hash LIKE 'sha256:%' THEN NULL ELSE decode(${key}, 'hex') END, "prevHash", e) AS expected
      FROM "AuditEvent" e WHERE seq > ${after} ORDER BY seq LIMIT ${PAGE_SIZE}`;
    for (const link of page) {
      const problem = linkProblem(link, previous, keyed || !unkeyedUntil || link.at > unkeyedUntil);
      if (problem) return { ok: false, checked, last: lastOf(previous), firstBroken: broken(link, problem) };
      keyed = link.hash!.startsWith("hmac:");
      previous = link;
      checked += 1;
    }
    if (page.length < PAGE_SIZE) break;
  }
  const [unchained] = await db().auditEvent.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 1 });
  if (unchained) return { ok: false, checked, last: lastOf(previous), firstBroken: { seq: null, id: unchained.id, at: unchained.at.toISOString(), action: unchained.action, problem: "not chained" } };
  return { ok: true, checked, last: lastOf(previous) };
}

function linkProblem(link: Link, previous: Link | null, mustBeKeyed: boolean): AuditChainProblem | null {
  if (link.seq !== (previous?.seq ?? 0n) + 1n) return "missing record";
  if (link.prevHash !== (previous?.hash ?? null)) return "prevHash mismatch";
  if (link.hash !== link.expected || (mustBeKeyed && !link.hash.startsWith("hmac:"))) return "hash mismatch";
  return null;
}

function broken(link: Link, problem: AuditChainProblem): NonNullable<AuditChainReport["firstBroken"]> {
  return { seq: Number(link.seq), id: link.id, at: link.at.toISOString(), action: link.action, problem };
}

function lastOf(link: Link | null): AuditChainReport["last"] {
  return link ? { seq: Number(link.seq), hash: link.hash! } : null;
}
