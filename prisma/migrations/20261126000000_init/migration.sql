-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'operator', 'admin');

-- CreateEnum
CREATE TYPE "ClusterHealth" AS ENUM ('unknown', 'connected', 'degraded', 'unreachable');

-- CreateEnum
CREATE TYPE "GitCredentialKind" AS ENUM ('token', 'basic', 'ssh');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'system');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clientIp" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "kubeconfigEncrypted" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "fluxVersion" TEXT,
    "capabilities" JSONB NOT NULL DEFAULT '{}',
    "health" "ClusterHealth" NOT NULL DEFAULT 'unknown',
    "healthMessage" TEXT,
    "lastSeenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GitCredential" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "kind" "GitCredentialKind" NOT NULL,
    "username" TEXT,
    "secretEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GitCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GitOpsSource" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "ref" TEXT NOT NULL DEFAULT '',
    "credentialId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GitOpsSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterSource" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lastRevision" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClusterSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FluxObjectSnapshot" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "resourceVersion" TEXT NOT NULL,
    "object" JSONB NOT NULL,
    "observedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FluxObjectSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncEvent" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "eventUid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "revision" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SyncEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commit" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "sha" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "authoredAt" TIMESTAMPTZ(3) NOT NULL,
    "committedAt" TIMESTAMPTZ(3) NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "objectKind" TEXT NOT NULL,
    "objectNamespace" TEXT NOT NULL,
    "objectName" TEXT NOT NULL,
    "revision" TEXT NOT NULL,
    "commitId" UUID,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suspension" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT '',
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "actor" TEXT NOT NULL,
    "reason" TEXT,
    "until" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "endedBy" TEXT,

    CONSTRAINT "Suspension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "clusterId" UUID,
    "clusterName" TEXT,
    "targetKind" TEXT,
    "targetNamespace" TEXT,
    "targetName" TEXT,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "outcome" TEXT NOT NULL,
    "results" JSONB,
    "requestId" TEXT,
    "clientIp" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_name_key" ON "User"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_userId_name_key" ON "ApiToken"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_name_key" ON "Cluster"("name");

-- CreateIndex
CREATE UNIQUE INDEX "GitCredential_name_key" ON "GitCredential"("name");

-- CreateIndex
CREATE UNIQUE INDEX "GitOpsSource_kind_url_ref_key" ON "GitOpsSource"("kind", "url", "ref");

-- CreateIndex
CREATE INDEX "ClusterSource_sourceId_idx" ON "ClusterSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterSource_clusterId_namespace_name_key" ON "ClusterSource"("clusterId", "namespace", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FluxObjectSnapshot_clusterId_kind_namespace_name_key" ON "FluxObjectSnapshot"("clusterId", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "SyncEvent_clusterId_kind_namespace_name_lastSeen_idx" ON "SyncEvent"("clusterId", "kind", "namespace", "name", "lastSeen");

-- CreateIndex
CREATE INDEX "SyncEvent_clusterId_lastSeen_idx" ON "SyncEvent"("clusterId", "lastSeen");

-- CreateIndex
CREATE UNIQUE INDEX "SyncEvent_clusterId_eventUid_key" ON "SyncEvent"("clusterId", "eventUid");

-- CreateIndex
CREATE INDEX "Commit_sourceId_committedAt_idx" ON "Commit"("sourceId", "committedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Commit_sourceId_sha_key" ON "Commit"("sourceId", "sha");

-- CreateIndex
CREATE INDEX "Deployment_clusterId_appliedAt_idx" ON "Deployment"("clusterId", "appliedAt");

-- CreateIndex
CREATE INDEX "Deployment_commitId_idx" ON "Deployment"("commitId");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_clusterId_objectKind_objectNamespace_objectName__key" ON "Deployment"("clusterId", "objectKind", "objectNamespace", "objectName", "revision");

-- CreateIndex
CREATE INDEX "Suspension_clusterId_endedAt_idx" ON "Suspension"("clusterId", "endedAt");

-- CreateIndex
CREATE INDEX "Suspension_endedAt_until_idx" ON "Suspension"("endedAt", "until");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_clusterId_at_idx" ON "AuditEvent"("clusterId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorName_at_idx" ON "AuditEvent"("actorName", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GitOpsSource" ADD CONSTRAINT "GitOpsSource_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "GitCredential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterSource" ADD CONSTRAINT "ClusterSource_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterSource" ADD CONSTRAINT "ClusterSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "GitOpsSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FluxObjectSnapshot" ADD CONSTRAINT "FluxObjectSnapshot_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncEvent" ADD CONSTRAINT "SyncEvent_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commit" ADD CONSTRAINT "Commit_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "GitOpsSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_commitId_fkey" FOREIGN KEY ("commitId") REFERENCES "Commit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suspension" ADD CONSTRAINT "Suspension_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

