import type { PausePolicy } from "../db/generated/client";
import type { PausePolicyDto } from "../schemas/pause-policies";

export function pausePolicyDto(row: PausePolicy): PausePolicyDto {
  return {
    id: row.id,
    selector: row.selector,
    requireReason: row.requireReason,
    defaultExpiryMinutes: row.defaultExpiryMinutes,
    maxExpiryMinutes: row.maxExpiryMinutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** Audit records name a policy by its selector, by value, so they outlive its removal. */
export function policyAuditTarget(selector: string): { kind: string; namespace: string; name: string } {
  return { kind: "PausePolicy", namespace: "", name: selector };
}

/** The settings an audit record keeps before and after a change. */
export function policySettings(row: Pick<PausePolicy, "selector" | "requireReason" | "defaultExpiryMinutes" | "maxExpiryMinutes">) {
  return { selector: row.selector, requireReason: row.requireReason, defaultExpiryMinutes: row.defaultExpiryMinutes, maxExpiryMinutes: row.maxExpiryMinutes };
}
