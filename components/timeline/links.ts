export const timelineHref = (repositoryId: string) => `/timeline/${encodeURIComponent(repositoryId)}`;
