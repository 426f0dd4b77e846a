import type { GitCredentialKind } from "../db/generated/enums";
import type { GitCredentialKindName } from "../schemas/git-credentials";

/** The API's kind names (https-token) and the database enum's (https_token). */
export const kindOfName = (kind: GitCredentialKindName): GitCredentialKind => kind.replace("-", "_") as GitCredentialKind;
export const nameOfKind = (kind: GitCredentialKind): GitCredentialKindName => kind.replace("_", "-") as GitCredentialKindName;
