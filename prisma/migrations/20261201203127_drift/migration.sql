-- CreateTable
CREATE TABLE "DriftReport" (
    "clusterId" UUID NOT NULL,
    "summary" JSONB,
    "report" JSONB,
    "compared" JSONB NOT NULL DEFAULT '[]',
    "sides" JSONB NOT NULL DEFAULT '{}',
    "computedAt" TIMESTAMPTZ(3),
    "refreshRequestedAt" TIMESTAMPTZ(3),
    "computingSince" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DriftReport_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "DriftEpisode" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "openKey" TEXT,
    "reconcilerKind" TEXT NOT NULL,
    "reconcilerNamespace" TEXT NOT NULL,
    "reconcilerName" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "fields" JSONB NOT NULL DEFAULT '[]',
    "managers" JSONB NOT NULL DEFAULT '[]',
    "appearedAt" TIMESTAMPTZ(3) NOT NULL,
    "correctedAt" TIMESTAMPTZ(3),
    "correctedBy" TEXT,

    CONSTRAINT "DriftEpisode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DriftEpisode_openKey_key" ON "DriftEpisode"("openKey");

-- CreateIndex
CREATE INDEX "DriftEpisode_clusterId_appearedAt_idx" ON "DriftEpisode"("clusterId", "appearedAt");

-- CreateIndex
CREATE INDEX "DriftEpisode_appearedAt_idx" ON "DriftEpisode"("appearedAt");

-- CreateIndex
CREATE INDEX "DriftEpisode_clusterId_kind_namespace_name_idx" ON "DriftEpisode"("clusterId", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "DriftEpisode_correctedAt_idx" ON "DriftEpisode"("correctedAt");

-- AddForeignKey
ALTER TABLE "DriftReport" ADD CONSTRAINT "DriftReport_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriftEpisode" ADD CONSTRAINT "DriftEpisode_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

