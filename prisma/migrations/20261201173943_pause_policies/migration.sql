-- CreateTable
CREATE TABLE "PausePolicy" (
    "id" UUID NOT NULL,
    "selector" TEXT NOT NULL,
    "requireReason" BOOLEAN NOT NULL DEFAULT false,
    "defaultExpiryMinutes" INTEGER,
    "maxExpiryMinutes" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "PausePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PausePolicy_selector_key" ON "PausePolicy"("selector");

