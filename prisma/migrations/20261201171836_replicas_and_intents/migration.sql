-- AlterTable
ALTER TABLE "Suspension" ADD COLUMN     "intentId" UUID,
ADD COLUMN     "supersededById" UUID;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "intentId" UUID,
ADD COLUMN     "replicaId" TEXT;

-- CreateTable
CREATE TABLE "LeaderLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "term" BIGINT NOT NULL DEFAULT 1,
    "acquiredAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LeaderLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Replica" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Replica_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_intentId_idx" ON "AuditEvent"("intentId");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_idx" ON "AuditEvent"("outcome");


-- The new columns join the hash chain. Records written before them (both null) keep the content
-- text they were hashed with, so the existing chain still verifies.
CREATE OR REPLACE FUNCTION "audit_event_content"(e "AuditEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT (CASE WHEN e."intentId" IS NULL AND e."replicaId" IS NULL THEN base ELSE base || jsonb_build_array(e."intentId", e."replicaId") END)::text
  FROM (SELECT jsonb_build_array(
    e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e."actorType"::text, e."actorId", e."actorName", e.action,
    e."clusterId", e."clusterName", e."targetKind", e."targetNamespace", e."targetName",
    e.reason, e.before, e.after, e.outcome, e.results, e."requestId", e."clientIp"
  ) AS base) AS content
$$;
