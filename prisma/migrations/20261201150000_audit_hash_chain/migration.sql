-- The audit trail is a hash chain, built inside the database so that every writer gets it and
-- concurrent writers cannot fork it. Each record gets the next `seq`, the previous record's hash
-- as `prevHash`, and `hash` over `prevHash` and a canonical text of every content column. An
-- edited record no longer matches its hash; a deleted one leaves a gap in `seq`.
--
-- The hash is an HMAC keyed with a key derived from SYNCLINE_SECRET_KEY (lib/audit/audit-chain-key.ts):
-- a plain hash could be recomputed after an edit by anyone who can write to the database, with
-- the very functions below. The key never lives in the database. recordAuditEvent hands it to
-- the trigger as the insert's own `hash` value, which the trigger replaces with the link: one
-- statement, no transaction, which the embedded database's shared session needs (a transaction
-- there stalls every other connection's half-sent queries). The verifier passes the key as a
-- parameter; an insert without it is refused.

-- Every content column as one JSON array: unambiguous (no delimiter to smuggle), and jsonb
-- prints objects with sorted keys and fixed spacing, so equal content gives equal text on
-- PostgreSQL 15 and PGlite's 18 alike.
CREATE FUNCTION "audit_event_content"(e "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e."actorType"::text, e."actorId", e."actorName", e.action,
    e."clusterId", e."clusterName", e."targetKind", e."targetNamespace", e."targetName",
    e.reason, e.before, e.after, e.outcome, e.results, e."requestId", e."clientIp"
  )::text
$$;

-- HMAC-SHA256 (RFC 2104) from the built-in sha256(), since pgcrypto is not installed everywhere
-- (PGlite ships it as an optional extension). Keys are 32 bytes, within SHA-256's 64-byte block.
CREATE FUNCTION "audit_hmac_sha256"(key bytea, message bytea) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  block bytea := key || decode(repeat('00', 64 - length(key)), 'hex');
  inner_pad bytea := block;
  outer_pad bytea := block;
BEGIN
  FOR i IN 0..63 LOOP
    inner_pad := set_byte(inner_pad, i, get_byte(block, i) # 54);
    outer_pad := set_byte(outer_pad, i, get_byte(block, i) # 92);
  END LOOP;
  RETURN encode(sha256(outer_pad || sha256(inner_pad || message)), 'hex');
END;
$$;

-- One link of the chain. Records that existed before this migration are chained without a key
-- (the migration has none) and marked "sha256:"; everything written afterwards is "hmac:". The
-- verifier accepts unkeyed links only for records older than this migration (lib/audit).
CREATE FUNCTION "audit_chain_hash"(key bytea, prev_hash text, e "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN key IS NULL THEN 'sha256:' || encode(sha256(message), 'hex')
              ELSE 'hmac:' || "audit_hmac_sha256"(key, message) END
  FROM (SELECT convert_to(coalesce(prev_hash, '') || '|' || "audit_event_content"(e), 'UTF8') AS message) AS link
$$;

-- Writers queue on one transaction-level advisory lock, so the chain is a line, not a tree. In
-- READ COMMITTED each statement of this function takes a fresh snapshot, so the query after
-- the lock sees the predecessor its holder committed. (REPEATABLE READ writers would see an
-- older tail and fail on seq's unique index instead of forking the chain.)
CREATE FUNCTION "audit_event_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key text := NEW.hash;
  last_seq bigint;
  last_hash text;
BEGIN
  IF coalesce(key, '') = '' THEN
    RAISE EXCEPTION 'AuditEvent rows are written by recordAuditEvent, which supplies the chain key'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_advisory_xact_lock(7170617564697431);
  SELECT seq, hash INTO last_seq, last_hash FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW."prevHash" := last_hash;
  NEW.hash := "audit_chain_hash"(decode(key, 'hex'), last_hash, NEW);
  RETURN NEW;
END;
$$;

-- Chain the existing history in the order it happened. The append-only trigger is switched off
-- for these updates only, inside this migration's transaction.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_or_delete";
DO $$
DECLARE
  e "AuditEvent";
  n bigint := 0;
  prev text;
  link text;
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY at, id LOOP
    n := n + 1;
    link := "audit_chain_hash"(NULL, prev, e);
    UPDATE "AuditEvent" SET seq = n, "prevHash" = prev, hash = link WHERE id = e.id;
    prev := link;
  END LOOP;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_or_delete";

CREATE TRIGGER "audit_event_chain"
  BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_chain"();
