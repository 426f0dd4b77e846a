import { AppError } from "../errors/app-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The opaque cursor of a list ordered by (time, id) descending: the last row served. Keyset, not
 * offset, so rows written while a user pages never shift or repeat what they see.
 */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

/** The cursor's time and id; `idPattern` is what the list's ids look like (row ids are UUIDs, commits are SHAs). */
export function decodeCursor(cursor: string, idPattern: RegExp = UUID): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (!id || !idPattern.test(id) || Number.isNaN(date.getTime())) throw new AppError("validation_failed", "The cursor is not one this API returned", [{ path: "cursor", message: "invalid cursor" }]);
  return { at: date, id };
}
