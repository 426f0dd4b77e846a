import { allRoutes } from "./index";

const templates = new Map<RegExp, Set<string>>();
for (const route of allRoutes) {
  const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, "[^/]+")}/?$`);
  const known = [...templates.keys()].find((existing) => existing.source === pattern.source);
  const methods = known ? templates.get(known)! : new Set(["OPTIONS"]);
  methods.add(route.method.toUpperCase());
  if (route.method === "get") methods.add("HEAD");
  if (!known) templates.set(pattern, methods);
}

/**
 * The methods Syncline serves at an API path, from the route declarations; undefined for a path
 * that no route serves (Next.js answers those 404). Next.js answers an undeclared method with a
 * bare 405, without the `Allow` header RFC 9110 requires, so the server answers it first.
 */
export function allowedMethods(pathname: string): string[] | undefined {
  for (const [pattern, methods] of templates) if (pattern.test(pathname)) return [...methods];
  return undefined;
}
