-- CreateIndex
CREATE INDEX "SyncRecord_sourceUrl_recordedAt_idx" ON "SyncRecord"("sourceUrl", "recordedAt");

-- CreateIndex
CREATE INDEX "Commit_repositoryId_createdAt_enrichedAt_idx" ON "Commit"("repositoryId", "createdAt", "enrichedAt");

-- CreateIndex
CREATE INDEX "Deployment_repositoryId_createdAt_commitsResolved_idx" ON "Deployment"("repositoryId", "createdAt", "commitsResolved");

