import type { DriftedObject, ReconcilerDrift } from "../schemas/drift";

/** An object of a reconciler's inventory (or of a Helm release's manifest). */
export interface InventoryObject {
  apiVersion: string;
  kind: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
}

/** What computing one Kustomization's or HelmRelease's drift found. */
export interface ReconcilerDriftResult {
  summary: ReconcilerDrift;
  /** The drifted objects, `since` still null: the collector fills it from its history. */
  objects: DriftedObject[];
  /** Both sides of each drifted object (Secret values masked), in the order of `objects`. */
  sides: { desired: unknown; live: unknown }[];
  /** Every object compared, drifted or not, so an object in sync can be told from an unknown one. */
  compared: InventoryObject[];
}
