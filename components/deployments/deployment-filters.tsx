"use client";

import { useEffect, useState } from "react";
import { LabelFilter } from "@/components/timeline/label-filter";
import { isRangeKey, TimeRangeFilter } from "@/components/timeline/time-range-filter";
import { Select, TextInput } from "@/components/ui/field";
import type { DeploymentFilters as Filters } from "@/lib/queries/keys";
import { useClusters } from "@/lib/queries/use-clusters";
import { useRepositories } from "@/lib/queries/use-repositories";

interface DeploymentFiltersProps {
  filters: Filters;
  range: string | null;
  onChange: (changes: Record<string, string | null>) => void;
}

/** Cluster, source repository, author, time range and cluster labels; the page keeps them in the URL. */
export function DeploymentFilters({ filters, range, onChange }: DeploymentFiltersProps) {
  const clusters = useClusters();
  const repositories = useRepositories();
  const [author, setAuthor] = useState(filters.author ?? "");

  // Typing a name should not fire a request per keystroke.
  useEffect(() => {
    if (author === (filters.author ?? "")) return;
    const timer = setTimeout(() => onChange({ author: author.trim() || null }), 350);
    return () => clearTimeout(timer);
  }, [author, filters.author, onChange]);

  return (
    <div role="search" aria-label="Filter deployments" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Select aria-label="Cluster" className="w-44" value={filters.cluster ?? ""} onChange={(event) => onChange({ cluster: event.target.value || null })}>
          <option value="">All clusters</option>
          {clusters.data?.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {cluster.name}
            </option>
          ))}
        </Select>
        <Select aria-label="Source" className="max-w-full min-w-0 sm:w-72" value={filters.source ?? ""} onChange={(event) => onChange({ source: event.target.value || null })}>
          <option value="">All sources</option>
          {repositories.data?.map((repository) => (
            <option key={repository.id} value={repository.id}>
              {repository.url}
            </option>
          ))}
        </Select>
        <TextInput aria-label="Author" placeholder="Author" className="w-40" value={author} onChange={(event) => setAuthor(event.target.value)} />
        <TimeRangeFilter range={isRangeKey(range) ? range : ""} from={filters.from} to={filters.to} onChange={onChange} />
      </div>
      <LabelFilter value={filters.labels} onChange={(labels) => onChange({ labels })} />
    </div>
  );
}
