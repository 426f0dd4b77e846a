-- Commit and Deployment never had a writer, so their columns are recast and NOT NULL columns added without a default.
-- CreateEnum
CREATE TYPE "SyncPhase" AS ENUM ('fetched', 'progressing', 'applied', 'failed');

-- CreateEnum
CREATE TYPE "DeploymentChange" AS ENUM ('initial', 'forward', 'rollback', 'force_push', 'redeploy');

-- DropForeignKey
ALTER TABLE "Commit" DROP CONSTRAINT "Commit_sourceId_fkey";

-- DropForeignKey
ALTER TABLE "Deployment" DROP CONSTRAINT "Deployment_commitId_fkey";

-- DropIndex
DROP INDEX "Commit_sourceId_committedAt_idx";

-- DropIndex
DROP INDEX "Commit_sourceId_sha_key";

-- DropIndex
DROP INDEX "Deployment_commitId_idx";

-- DropIndex
DROP INDEX "Deployment_clusterId_objectKind_objectNamespace_objectName__key";

-- AlterTable
ALTER TABLE "GitCredential" ADD COLUMN     "rateLimit" JSONB,
ADD COLUMN     "rateLimitAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Commit" DROP COLUMN "sourceId",
ADD COLUMN     "authorLogin" TEXT,
ADD COLUMN     "committerEmail" TEXT NOT NULL,
ADD COLUMN     "committerName" TEXT NOT NULL,
ADD COLUMN     "enrichedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mergedBy" TEXT,
ADD COLUMN     "parents" TEXT[],
ADD COLUMN     "pullRequestNumber" INTEGER,
ADD COLUMN     "pullRequestTitle" TEXT,
ADD COLUMN     "pullRequestUrl" TEXT,
ADD COLUMN     "repositoryId" UUID NOT NULL,
ADD COLUMN     "webUrl" TEXT;

-- AlterTable
ALTER TABLE "Deployment" DROP COLUMN "commitId",
ADD COLUMN     "change" "DeploymentChange" NOT NULL,
ADD COLUMN     "commitsError" TEXT,
ADD COLUMN     "commitsResolved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "previousRevision" TEXT,
ADD COLUMN     "reconstructed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "repositoryId" UUID,
ADD COLUMN     "sourceKind" TEXT NOT NULL,
ADD COLUMN     "sourceName" TEXT NOT NULL,
ADD COLUMN     "sourceNamespace" TEXT NOT NULL,
ADD COLUMN     "triggerAction" TEXT,
ADD COLUMN     "triggeredBy" TEXT;

-- CreateTable
CREATE TABLE "SyncRecord" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceNamespace" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "phase" "SyncPhase" NOT NULL,
    "revision" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ(3) NOT NULL,
    "reconstructed" BOOLEAN NOT NULL DEFAULT false,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceRepository" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "webUrl" TEXT,
    "lastFetchedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "retryAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SourceRepository_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentCommit" (
    "deploymentId" UUID NOT NULL,
    "commitId" UUID NOT NULL,
    "leadTimeSeconds" INTEGER NOT NULL,

    CONSTRAINT "DeploymentCommit_pkey" PRIMARY KEY ("deploymentId","commitId")
);

-- CreateIndex
CREATE INDEX "SyncRecord_clusterId_kind_namespace_name_at_idx" ON "SyncRecord"("clusterId", "kind", "namespace", "name", "at");

-- CreateIndex
CREATE INDEX "SyncRecord_sourceUrl_at_idx" ON "SyncRecord"("sourceUrl", "at");

-- CreateIndex
CREATE INDEX "SyncRecord_at_idx" ON "SyncRecord"("at");

-- CreateIndex
CREATE UNIQUE INDEX "SyncRecord_clusterId_kind_namespace_name_phase_revision_at_key" ON "SyncRecord"("clusterId", "kind", "namespace", "name", "phase", "revision", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SourceRepository_url_key" ON "SourceRepository"("url");

-- CreateIndex
CREATE INDEX "DeploymentCommit_commitId_idx" ON "DeploymentCommit"("commitId");

-- CreateIndex
CREATE INDEX "Commit_repositoryId_committedAt_idx" ON "Commit"("repositoryId", "committedAt");

-- CreateIndex
CREATE INDEX "Commit_authorName_idx" ON "Commit"("authorName");

-- CreateIndex
CREATE UNIQUE INDEX "Commit_repositoryId_sha_key" ON "Commit"("repositoryId", "sha");

-- CreateIndex
CREATE INDEX "Deployment_appliedAt_idx" ON "Deployment"("appliedAt");

-- CreateIndex
CREATE INDEX "Deployment_repositoryId_appliedAt_idx" ON "Deployment"("repositoryId", "appliedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_clusterId_objectKind_objectNamespace_objectName__key" ON "Deployment"("clusterId", "objectKind", "objectNamespace", "objectName", "revision", "appliedAt");

-- AddForeignKey
ALTER TABLE "SyncRecord" ADD CONSTRAINT "SyncRecord_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commit" ADD CONSTRAINT "Commit_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "SourceRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "SourceRepository"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentCommit" ADD CONSTRAINT "DeploymentCommit_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentCommit" ADD CONSTRAINT "DeploymentCommit_commitId_fkey" FOREIGN KEY ("commitId") REFERENCES "Commit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

