-- Issue 12 reshapes the placeholder GitOpsSource and ClusterSource tables into a source definition
-- and its per-cluster rollout. Nothing ever wrote or read them, so their columns are dropped and
-- recast rather than migrated; the deletes only guard the NOT NULL columns against stray rows.
DELETE FROM "ClusterSource";
DELETE FROM "GitOpsSource";

-- DropForeignKey
ALTER TABLE "GitOpsSource" DROP CONSTRAINT "GitOpsSource_credentialId_fkey";

-- DropIndex
DROP INDEX "GitOpsSource_kind_url_ref_key";

-- DropIndex
DROP INDEX "ClusterSource_sourceId_idx";

-- DropIndex
DROP INDEX "ClusterSource_clusterId_namespace_name_key";

-- AlterTable
ALTER TABLE "GitOpsSource" DROP COLUMN "kind",
DROP COLUMN "ref",
DROP COLUMN "url",
ADD COLUMN     "adopted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "appliedDefinition" JSONB,
ADD COLUMN     "appliedHash" TEXT,
ADD COLUMN     "applyingUntil" TIMESTAMPTZ(3),
ADD COLUMN     "definition" JSONB NOT NULL,
ADD COLUMN     "definitionHash" TEXT NOT NULL,
ADD COLUMN     "deletingAt" TIMESTAMPTZ(3),
ADD COLUMN     "name" TEXT NOT NULL,
ADD COLUMN     "namespace" TEXT NOT NULL,
ADD COLUMN     "updatedBy" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "ClusterSource" DROP COLUMN "lastRevision",
DROP COLUMN "name",
DROP COLUMN "namespace",
ADD COLUMN     "appliedAt" TIMESTAMPTZ(3),
ADD COLUMN     "appliedHash" TEXT,
ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "desiredHash" TEXT,
ADD COLUMN     "liveSpecHash" TEXT,
ADD COLUMN     "message" TEXT,
ADD COLUMN     "renderedPath" TEXT,
ADD COLUMN     "retryAt" TIMESTAMPTZ(3),
ADD COLUMN     "state" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "GitOpsSource_name_key" ON "GitOpsSource"("name");

-- CreateIndex
CREATE INDEX "ClusterSource_clusterId_idx" ON "ClusterSource"("clusterId");

-- CreateIndex
CREATE INDEX "ClusterSource_state_retryAt_idx" ON "ClusterSource"("state", "retryAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterSource_sourceId_clusterId_key" ON "ClusterSource"("sourceId", "clusterId");

-- AddForeignKey
ALTER TABLE "GitOpsSource" ADD CONSTRAINT "GitOpsSource_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "GitCredential"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

