import type { NewSourceInput, SourceCredentialsInput, SourceDto, UpdateSourceInput } from "@/lib/schemas/sources";

export type RefKind = "branch" | "tag" | "semver" | "commit";
export type TargetMode = "selector" | "clusters";
/** keep: leave the source's credential as it is (editing only); none: no credentials. */
export type CredentialMode = "keep" | "none" | "existing" | "https-token" | "https-basic" | "ssh-key";

/** What the form holds: text as typed, turned into the API's input only on submit. */
export interface SourceFormValues {
  name: string;
  namespace: string;
  url: string;
  refKind: RefKind;
  refValue: string;
  path: string;
  interval: string;
  timeout: string;
  retryInterval: string;
  prune: boolean;
  targetNamespace: string;
  /** One Kustomization a line: "name" or "namespace/name". */
  dependsOn: string;
  substitute: Array<{ key: string; value: string }>;
  targetMode: TargetMode;
  selector: string;
  clusterIds: string[];
  credentialMode: CredentialMode;
  credentialId: string;
  token: string;
  username: string;
  password: string;
  privateKey: string;
  passphrase: string;
  knownHosts: string;
}

export const EMPTY_FORM: SourceFormValues = {
  name: "",
  namespace: "flux-system",
  url: "",
  refKind: "branch",
  refValue: "main",
  path: "./",
  interval: "5m",
  timeout: "",
  retryInterval: "",
  prune: true,
  targetNamespace: "",
  dependsOn: "",
  substitute: [],
  targetMode: "selector",
  selector: "",
  clusterIds: [],
  credentialMode: "none",
  credentialId: "",
  token: "",
  username: "",
  password: "",
  privateKey: "",
  passphrase: "",
  knownHosts: "",
};

/** The form filled with a stored source's definition; secrets are never sent to the browser, so they start empty. */
export function formValuesOf(source: SourceDto): SourceFormValues {
  const { definition } = source;
  const [refKind, refValue] = Object.entries(definition.ref)[0] as [RefKind, string];
  return {
    ...EMPTY_FORM,
    name: definition.name,
    namespace: definition.namespace,
    url: definition.url,
    refKind,
    refValue,
    path: definition.path,
    interval: definition.interval,
    timeout: definition.timeout ?? "",
    retryInterval: definition.retryInterval ?? "",
    prune: definition.prune,
    targetNamespace: definition.targetNamespace ?? "",
    dependsOn: definition.dependsOn.map((dependency) => (dependency.namespace ? `${dependency.namespace}/${dependency.name}` : dependency.name)).join("\n"),
    substitute: Object.entries(definition.postBuild?.substitute ?? {}).map(([key, value]) => ({ key, value })),
    targetMode: definition.selector === null ? "clusters" : "selector",
    selector: definition.selector ?? "",
    clusterIds: definition.clusterIds,
    credentialMode: source.credential ? "keep" : "none",
  };
}

function dependsOnOf(text: string): Array<{ name: string; namespace?: string }> {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [first, second] = line.split("/", 2);
      return second === undefined ? { name: first! } : { namespace: first!, name: second };
    });
}

function credentialsOf(values: SourceFormValues): SourceCredentialsInput | null | undefined {
  switch (values.credentialMode) {
    case "keep":
      return undefined;
    case "none":
      return null;
    case "existing":
      return { credentialId: values.credentialId };
    case "https-token":
      return { kind: "https-token", token: values.token, ...(values.username.trim() ? { username: values.username.trim() } : {}) };
    case "https-basic":
      return { kind: "https-basic", username: values.username.trim(), password: values.password };
    case "ssh-key":
      return { kind: "ssh-key", privateKey: values.privateKey, knownHosts: values.knownHosts, ...(values.passphrase ? { passphrase: values.passphrase } : {}) };
  }
}

/** Fields both a new source and an edit send; empty optional text is left out (new) or cleared (edit). */
function definitionOf(values: SourceFormValues) {
  const substitute = Object.fromEntries(values.substitute.filter((entry) => entry.key.trim()).map((entry) => [entry.key.trim(), entry.value]));
  return {
    url: values.url.trim(),
    ref: { [values.refKind]: values.refValue.trim() } as NewSourceInput["ref"],
    path: values.path.trim(),
    interval: values.interval.trim(),
    prune: values.prune,
    dependsOn: dependsOnOf(values.dependsOn),
    substitute: Object.keys(substitute).length > 0 ? substitute : null,
    timeout: values.timeout.trim() || null,
    retryInterval: values.retryInterval.trim() || null,
    targetNamespace: values.targetNamespace.trim() || null,
    selector: values.targetMode === "selector" ? values.selector.trim() : null,
    clusterIds: values.targetMode === "clusters" ? values.clusterIds : [],
  };
}

export function newSourceInputOf(values: SourceFormValues): NewSourceInput {
  const { substitute, timeout, retryInterval, targetNamespace, selector, clusterIds, ...definition } = definitionOf(values);
  const credentials = credentialsOf(values);
  return {
    name: values.name.trim(),
    namespace: values.namespace.trim(),
    ...definition,
    ...(substitute ? { postBuild: { substitute } } : {}),
    ...(timeout ? { timeout } : {}),
    ...(retryInterval ? { retryInterval } : {}),
    ...(targetNamespace ? { targetNamespace } : {}),
    ...(selector !== null ? { selector } : {}),
    ...(clusterIds.length ? { clusterIds } : {}),
    ...(credentials ? { credentials } : {}),
  };
}

export function updateSourceInputOf(values: SourceFormValues): UpdateSourceInput {
  const { substitute, ...definition } = definitionOf(values);
  const credentials = credentialsOf(values);
  return { ...definition, postBuild: substitute ? { substitute } : null, ...(credentials !== undefined ? { credentials } : {}) };
}

/**
 * Which form field an API issue belongs to, from its dotted path ("ref.branch", "credentials.token",
 * "postBuild.substitute.ENV", "dependsOn.0.name"); null when no field shows it.
 */
export function formFieldOf(issuePath: string): string | null {
  const [head, second] = issuePath.split(".");
  switch (head) {
    case "ref":
      return "refValue";
    case "postBuild":
      return "substitute";
    case "dependsOn":
      return "dependsOn";
    case "clusterIds":
      return "clusterIds";
    case "credentials":
      return second && second !== "kind" ? second : "credentialMode";
    case "name":
    case "namespace":
    case "url":
    case "path":
    case "interval":
    case "timeout":
    case "retryInterval":
    case "targetNamespace":
    case "selector":
    case "prune":
      return head;
    default:
      return null;
  }
}

/** A 422's issues by form field, first message each; issues no field shows are returned apart. */
export function issuesByFormField(details: unknown): { fields: Record<string, string>; unplaced: Array<{ path: string; message: string }> } {
  const fields: Record<string, string> = {};
  const unplaced: Array<{ path: string; message: string }> = [];
  if (!Array.isArray(details)) return { fields, unplaced };
  for (const issue of details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof issue?.path !== "string" || typeof issue.message !== "string") continue;
    const field = formFieldOf(issue.path);
    if (field === null) unplaced.push({ path: issue.path, message: issue.message });
    else fields[field] ??= issue.message;
  }
  return { fields, unplaced };
}
