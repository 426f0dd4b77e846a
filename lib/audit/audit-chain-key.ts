import { createHmac } from "node:crypto";
import { secretKey } from "../crypto/secret-key";

/**
 * The key of the audit trail's HMAC chain, derived from the secret key rather than the secret key
 * itself: it travels to the database with each audit insert (see the hash-chain migration), and
 * the key that seals kubeconfigs should not.
 */
export function auditChainKey(): Buffer {
  return createHmac("sha256", secretKey()).update("syncline audit chain v1").digest();
}
