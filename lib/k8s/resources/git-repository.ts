import { FluxResource } from "./flux-resource";

export class GitRepository extends FluxResource {
  static readonly kind = "GitRepository" as const;
  static readonly apiVersion = "source.toolkit.fluxcd.io/v1";
  static readonly plural = "gitrepositories";
  static readonly namespaced = true;
  static readonly reconciler = false;

  get kind() {
    return GitRepository.kind;
  }

  /** The revision of the artifact the controller last produced. */
  get revision(): string | null {
    return this.artifact?.revision ?? null;
  }

  get lastAppliedAt(): string | null {
    return this.artifact?.lastUpdateTime ?? null;
  }
}
