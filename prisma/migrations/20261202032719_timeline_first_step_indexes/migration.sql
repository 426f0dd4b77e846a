-- CreateIndex
CREATE INDEX "SyncRecord_sourceUrl_phase_clusterId_revision_at_idx" ON "SyncRecord"("sourceUrl", "phase", "clusterId", "revision", "at");

-- CreateIndex
CREATE INDEX "Deployment_repositoryId_clusterId_revision_appliedAt_idx" ON "Deployment"("repositoryId", "clusterId", "revision", "appliedAt");

