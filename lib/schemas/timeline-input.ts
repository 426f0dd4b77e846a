import { z } from "zod";

const isoTime = z.iso.datetime({ offset: true, error: "Not an ISO 8601 time with a zone (2026-12-01T10:00:00Z)" });

/** Comma-separated cluster ids, as the UI puts them in the URL. */
const clusterIds = z
  .string()
  .max(4_000)
  .transform((value) => value.split(",").map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.uuid("Not a cluster id")).max(200, "At most 200 clusters"))
  .describe("Cluster ids, comma-separated");

const labelSelector = z.string().trim().max(500).describe('A Kubernetes label selector over cluster labels, e.g. "env=prod,region in (eu,us)"');

const fromBeforeTo = (query: { from?: string | undefined; to?: string | undefined }) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to);
const windowRule = { message: "`from` must not be later than `to`", path: ["from"] };

export const timelineQuery = z
  .object({
    source: z.uuid("Not a repository id (GET /api/repositories lists them)").describe("The source repository's id"),
    cluster: clusterIds.optional(),
    labels: labelSelector.optional(),
    from: isoTime.optional().describe("Commits from this time; 30 days before `to` by default"),
    to: isoTime.optional().describe("Commits up to this time; now by default"),
    cursor: z.string().max(200).optional().describe("The `nextCursor` of the previous page"),
    limit: z.coerce.number().int().min(1).max(500).default(100).describe("Commits per page"),
  })
  .refine(fromBeforeTo, windowRule);
export type TimelineQuery = z.output<typeof timelineQuery>;

export const deploymentsQuery = z
  .object({
    cluster: clusterIds.optional(),
    labels: labelSelector.optional(),
    source: z.string().trim().max(500).optional().describe("A repository id, or part of a source's name or repository URL"),
    author: z.string().trim().max(200).optional().describe("Part of a commit author's name, email or GitHub login (any case)"),
    from: isoTime.optional(),
    to: isoTime.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine(fromBeforeTo, windowRule);
export type DeploymentsQuery = z.input<typeof deploymentsQuery>;
/** The parsed filters, as the route hands them on (cluster ids split); paging is optional. */
export type DeploymentsFilter = Omit<z.output<typeof deploymentsQuery>, "limit" | "format"> & { limit?: number };
