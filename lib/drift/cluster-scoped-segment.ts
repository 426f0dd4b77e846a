/**
 * The namespace segment that stands for "cluster-scoped" in an object's drift path. Its own module,
 * free of zod, because the browser builds links with it: zod in a page probes `new Function`, which
 * the Content-Security-Policy forbids.
 */
export const CLUSTER_SCOPED_SEGMENT = "_";
