-- No earlier version wrote GitCredential rows (the table had no writer), so the kind can be recast and
-- the new required columns need no values for existing rows.
-- AlterEnum
BEGIN;
CREATE TYPE "GitCredentialKind_new" AS ENUM ('https_token', 'https_basic', 'ssh_key', 'github_token', 'github_app');
ALTER TABLE "GitCredential" ALTER COLUMN "kind" TYPE "GitCredentialKind_new" USING ("kind"::text::"GitCredentialKind_new");
ALTER TYPE "GitCredentialKind" RENAME TO "GitCredentialKind_old";
ALTER TYPE "GitCredentialKind_new" RENAME TO "GitCredentialKind";
DROP TYPE "GitCredentialKind_old";
COMMIT;

-- AlterTable
ALTER TABLE "GitCredential" DROP COLUMN "host",
ADD COLUMN     "appId" TEXT,
ADD COLUMN     "caCert" TEXT,
ADD COLUMN     "fingerprint" TEXT NOT NULL,
ADD COLUMN     "githubBaseUrl" TEXT,
ADD COLUMN     "installationId" TEXT,
ADD COLUMN     "knownHosts" TEXT,
ADD COLUMN     "lastTestResult" JSONB,
ADD COLUMN     "lastTestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "rotatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "urlPattern" TEXT NOT NULL;

