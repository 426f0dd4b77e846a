import type { ObjectRef } from "@/lib/fleet/dto";
import { CLUSTER_SCOPED_SEGMENT } from "@/lib/drift/cluster-scoped-segment";

export interface AuditFilters {
  cluster?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * The query-key factory. Keys nest so that one prefix invalidates a whole family:
 * ["clusters"] refreshes every cluster, object list and object page at once.
 */
export const keys = {
  clusters: {
    all: ["clusters"] as const,
    list: () => ["clusters", "list"] as const,
    details: () => ["clusters", "detail"] as const,
    detail: (id: string) => ["clusters", "detail", id] as const,
    objectLists: () => ["clusters", "objects"] as const,
    objects: (id: string) => ["clusters", "objects", id] as const,
    objectDetails: () => ["clusters", "object"] as const,
    object: (id: string, ref: ObjectRef) => ["clusters", "object", id, ref.kind, ref.namespace, ref.name] as const,
    pausePolicies: () => ["clusters", "pause-policy"] as const,
    pausePolicy: (id: string) => ["clusters", "pause-policy", id] as const,
    resumePreview: (id: string) => ["clusters", "resume-preview", id] as const,
    running: (id: string) => ["clusters", "running", id] as const,
    objectHistory: (id: string, ref: ObjectRef) => ["clusters", "history", id, ref.kind, ref.namespace, ref.name] as const,
  },
  gitCredentials: {
    all: ["git-credentials"] as const,
    list: () => ["git-credentials", "list"] as const,
  },
  pausePolicies: {
    all: ["pause-policies"] as const,
    list: () => ["pause-policies", "list"] as const,
  },
  audit: {
    all: ["audit"] as const,
    list: (filters: AuditFilters) => ["audit", "list", filters] as const,
  },
  tokens: {
    all: ["tokens"] as const,
    list: () => ["tokens", "list"] as const,
  },
  users: {
    all: ["users"] as const,
    list: () => ["users", "list"] as const,
  },
  drift: {
    all: ["drift"] as const,
    fleet: () => ["drift", "fleet"] as const,
    cluster: (id: string) => ["drift", "cluster", id] as const,
    object: (id: string, ref: ObjectRef) => ["drift", "object", id, ref.kind, ref.namespace, ref.name] as const,
    history: (filters: DriftHistoryFilters) => ["drift", "history", filters] as const,
  },
  timeline: {
    all: ["timeline"] as const,
    repositories: () => ["timeline", "repositories"] as const,
    repository: (id: string, filters: TimelineFilters) => ["timeline", "repository", id, filters] as const,
  },
  deployments: {
    all: ["deployments"] as const,
    list: (filters: DeploymentFilters) => ["deployments", "list", filters] as const,
  },
  sources: {
    all: ["sources"] as const,
    list: () => ["sources", "list"] as const,
    detail: (id: string) => ["sources", "detail", id] as const,
    existing: () => ["sources", "existing"] as const,
    preview: (id: string) => ["sources", "preview", id] as const,
  },
};

/** The timeline of one repository: clusters as ids and labels as "k=v", each comma-separated as the API takes them. */
export interface TimelineFilters {
  cluster?: string;
  labels?: string;
  from?: string;
  to?: string;
}

export interface DeploymentFilters {
  cluster?: string;
  labels?: string;
  source?: string;
  author?: string;
  from?: string;
  to?: string;
}

export interface DriftHistoryFilters {
  cluster?: string;
  from?: string;
  to?: string;
}

/** API paths, built in one place so that names with odd characters are always encoded. */
export const apiPaths = {
  clusters: "/api/clusters",
  cluster: (id: string) => `/api/clusters/${encodeURIComponent(id)}`,
  objects: (id: string) => `/api/clusters/${encodeURIComponent(id)}/objects`,
  object: (id: string, ref: ObjectRef) =>
    `/api/clusters/${encodeURIComponent(id)}/objects/${[ref.kind, ref.namespace, ref.name].map(encodeURIComponent).join("/")}`,
  audit: "/api/audit",
  events: "/api/events",
  signIn: "/api/auth/sign-in",
  signOut: "/api/auth/sign-out",
  tokens: "/api/tokens",
  token: (id: string) => `/api/tokens/${encodeURIComponent(id)}`,
  myPassword: "/api/me/password",
  users: "/api/users",
  user: (id: string) => `/api/users/${encodeURIComponent(id)}`,
  userPassword: (id: string) => `/api/users/${encodeURIComponent(id)}/password`,
  pausePolicies: "/api/pause-policies",
  pausePolicy: (id: string) => `/api/pause-policies/${encodeURIComponent(id)}`,
  clusterPausePolicy: (id: string) => `/api/clusters/${encodeURIComponent(id)}/pause-policy`,
  resumePreview: (id: string) => `/api/clusters/${encodeURIComponent(id)}/resume-preview`,
  running: (id: string) => `/api/clusters/${encodeURIComponent(id)}/running`,
  objectHistory: (id: string, ref: ObjectRef) =>
    `/api/clusters/${encodeURIComponent(id)}/objects/${[ref.kind, ref.namespace, ref.name].map(encodeURIComponent).join("/")}/history`,
  gitCredentials: "/api/git-credentials",
  gitCredential: (id: string) => `/api/git-credentials/${encodeURIComponent(id)}`,
  testGitCredential: (id: string) => `/api/git-credentials/${encodeURIComponent(id)}/test`,
  fleetDrift: "/api/drift",
  driftHistory: "/api/drift/history",
  repositories: "/api/repositories",
  timeline: "/api/timeline",
  deployments: "/api/deployments",
  sources: "/api/sources",
  source: (id: string) => `/api/sources/${encodeURIComponent(id)}`,
  previewSource: (id: string) => `/api/sources/${encodeURIComponent(id)}/preview`,
  applySource: (id: string) => `/api/sources/${encodeURIComponent(id)}/apply`,
  adoptSources: "/api/sources/adopt",
  existingSources: "/api/sources/existing",
  clusterDrift: (id: string) => `/api/clusters/${encodeURIComponent(id)}/drift`,
  refreshDrift: (id: string) => `/api/clusters/${encodeURIComponent(id)}/drift/refresh`,
  objectDrift: (id: string, ref: ObjectRef) =>
    `/api/clusters/${encodeURIComponent(id)}/drift/${[ref.kind, ref.namespace || CLUSTER_SCOPED_SEGMENT, ref.name].map(encodeURIComponent).join("/")}`,
};
