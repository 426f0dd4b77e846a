"use client";

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { Fragment, memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { cn } from "./cn";
import { ChevronRightIcon, SortIcon } from "./icons";
import { useVirtualRows } from "./use-virtual-rows";

declare module "@tanstack/react-table" {
  // The type parameters must repeat TanStack's declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column that takes the width left over; its text wraps instead of widening the table. */
    grow?: boolean;
    align?: "right";
    /** On a phone, where rows become cards: "title" heads the card, "wide" takes a line of its own. */
    card?: "title" | "wide";
    /** The cell's label on a card, when the header is not plain text. */
    label?: string;
  }
}

export interface DataTableProps<T> {
  data: T[];
  // TanStack's own docs type column arrays this way: each column has its own value type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Names the table for screen readers, e.g. "Clusters". */
  label: string;
  /** Noun for the row count, e.g. ["cluster", "clusters"]. */
  noun: [string, string];
  /** Text a row is found by; the global filter matches every word of `filter` against it. */
  searchText?: (row: T) => string;
  filter?: string;
  initialSorting?: SortingState;
  rowHeight?: number;
  renderExpanded?: (row: T) => ReactNode;
  /** Below the rows, inside the scroll area: e.g. "Load more". */
  footer?: ReactNode;
  /** Shown in place of rows when the filter leaves none. */
  noMatches?: ReactNode;
  /** Rows whose id is here are highlighted, e.g. the one just changed. */
  rowClassName?: (row: T) => string | undefined;
  /** "filtered": the page already states the total, so the footer counts only while a filter hides rows. */
  count?: "always" | "filtered";
}

/**
 * The one table every list view uses: sorting, a global filter and windowed rendering, so the
 * same component serves 12 clusters and 10,000 objects.
 *
 * Columns are as wide as their content, never narrower than their `size`: pills, kinds and names
 * are never clipped whatever the font. Below the `md` breakpoint every row becomes a card (the
 * same elements, restyled; explicit roles keep them a table for assistive technology).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { data, columns, getRowId, label, noun, searchText, filter = "", initialSorting = [], rowHeight = 36, renderExpanded } = props;
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const rows = useFiltered(data, searchText, filter);
  // The React Compiler is not enabled; TanStack Table memoises its own row models.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const model = table.getRowModel().rows;
  const keys = useMemo(() => model.map((row) => row.id), [model]);
  const virtual = useVirtualRows({ keys, estimate: rowHeight, scrollRef });
  const visible = model.slice(virtual.start, virtual.end);
  const colCount = columns.length + (renderExpanded ? 1 : 0);

  // Expanded rows are taller than the estimate; measure what was rendered so offsets stay true.
  useLayoutEffect(() => {
    const heights = new Map<string, number>();
    bodyRef.current?.querySelectorAll<HTMLElement>("tr[data-key]").forEach((tr) => {
      const key = tr.dataset.key!;
      heights.set(key, (heights.get(key) ?? 0) + tr.getBoundingClientRect().height);
    });
    heights.forEach((height, key) => virtual.measure(key, height));
  });

  const toggle = useCallback(
    (id: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const countText =
    model.length !== data.length
      ? `${model.length.toLocaleString()} of ${data.length.toLocaleString()} ${noun[1]}`
      : props.count === "filtered"
        ? ""
        : `${data.length.toLocaleString()} ${data.length === 1 ? noun[0] : noun[1]}`;

  return (
    // Short lists stay short; a long one scrolls inside the page, never shorter than a few rows.
    <div className={cn("flex min-h-0 shrink flex-col overflow-hidden rounded-lg border border-line bg-panel", model.length > 6 && "min-h-72")}>
      <div ref={scrollRef} className="min-h-0 flex-auto overflow-auto">
        <table role="table" aria-label={label} aria-rowcount={model.length + 1} className="w-full border-separate border-spacing-0 max-md:block">
          <thead role="rowgroup" className="max-md:sr-only">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row" aria-rowindex={1}>
                {renderExpanded && (
                  <th role="columnheader" className={cn(headClass, "w-9")}>
                    <span className="sr-only">Details</span>
                  </th>
                )}
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const align = header.column.columnDef.meta?.align;
                  return (
                    <th
                      key={header.id}
                      role="columnheader"
                      scope="col"
                      className={cn(headClass, align === "right" && "text-right")}
                      style={{ minWidth: header.column.getSize(), width: header.column.columnDef.meta?.grow ? "100%" : undefined }}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={cn("group inline-flex items-center gap-1 rounded tracking-wide uppercase hover:text-fg", align === "right" && "flex-row-reverse")}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <SortIcon sort={sorted} className={cn("size-3", !sorted && "opacity-0 group-hover:opacity-60 group-focus-visible:opacity-60")} />
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={bodyRef} role="rowgroup" className="max-md:block">
            {virtual.padTop > 0 && <tr aria-hidden="true" className="max-md:block" style={{ height: virtual.padTop }} />}
            {visible.map((row, i) => (
              <TableRow
                key={row.id}
                row={row}
                index={virtual.start + i}
                colCount={colCount}
                rowHeight={rowHeight}
                expanded={expanded.has(row.id)}
                onToggle={renderExpanded ? toggle : undefined}
                renderExpanded={renderExpanded}
                className={props.rowClassName?.(row.original)}
              />
            ))}
            {virtual.padBottom > 0 && <tr aria-hidden="true" className="max-md:block" style={{ height: virtual.padBottom }} />}
            {model.length === 0 && (
              <tr role="row" className="max-md:block">
                <td role="cell" colSpan={colCount} className="px-4 py-10 text-center text-[13px] text-fg-muted max-md:block">
                  {props.noMatches ?? `No ${noun[1]} match “${filter}”.`}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {props.footer}
      </div>
      <div className={cn("flex h-8 shrink-0 items-center border-t border-line px-3 text-xs text-fg-subtle", !countText && "sr-only")} aria-live="polite">
        {countText}
      </div>
    </div>
  );
}

const headClass =
  "sticky top-0 z-10 h-8 border-b border-line bg-panel px-3 text-left text-[11px] font-medium tracking-wide text-fg-subtle uppercase whitespace-nowrap";

interface TableRowProps<T> {
  row: Row<T>;
  index: number;
  colCount: number;
  rowHeight: number;
  expanded: boolean;
  onToggle?: (id: string) => void;
  renderExpanded?: (row: T) => ReactNode;
  className?: string;
}

// Scrolling re-renders the table; rows that stay in view keep their props and skip rendering.
const TableRow = memo(function TableRow<T>({ row, index, colCount, rowHeight, expanded, onToggle, renderExpanded, className }: TableRowProps<T>) {
  const detailId = `row-detail-${row.id}`;
  return (
    <Fragment>
      <tr
        data-key={row.id}
        role="row"
        aria-rowindex={index + 2}
        className={cn("group/row h-(--row-height) hover:bg-hover", cardClass, className)}
        style={{ "--row-height": `${rowHeight}px` } as CSSProperties}
      >
        {onToggle && (
          <td role="cell" className={cn(cellClass, "max-md:z-10 max-md:col-span-full max-md:row-start-1 max-md:justify-self-end")}>
            <button
              type="button"
              onClick={() => onToggle(row.id)}
              aria-expanded={expanded}
              aria-controls={expanded ? detailId : undefined}
              aria-label={expanded ? "Hide details" : "Show details"}
              className="flex size-6 items-center justify-center rounded text-fg-subtle hover:bg-selected hover:text-fg"
            >
              <ChevronRightIcon className={cn("size-3.5 transition-transform", expanded && "rotate-90")} />
            </button>
          </td>
        )}
        {row.getVisibleCells().map((cell) => {
          const { meta, header } = cell.column.columnDef;
          const cardLabel = meta?.label ?? (typeof header === "string" ? header : undefined);
          return (
            <td
              key={cell.id}
              role="cell"
              data-card-label={meta?.card === "title" ? undefined : cardLabel}
              className={cn(
                cellClass,
                // A long unbroken word (a revision in a message) may break anywhere rather than widen the table.
                meta?.grow ? "whitespace-normal [overflow-wrap:anywhere]" : "whitespace-nowrap",
                meta?.align === "right" && "text-right max-md:text-left",
                meta?.card === "title" && "max-md:col-span-full max-md:row-start-1 max-md:text-[14px]",
                meta?.card === "title" && onToggle && "max-md:pr-9",
                meta?.card === "wide" && "max-md:col-span-full",
              )}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          );
        })}
      </tr>
      {expanded && renderExpanded && (
        <tr data-key={row.id} id={detailId} role="row" className="max-md:block">
          <td role="cell" colSpan={colCount} className="border-b border-line bg-canvas px-4 py-3 max-md:block">
            {renderExpanded(row.original)}
          </td>
        </tr>
      )}
    </Fragment>
  );
}) as <T>(props: TableRowProps<T>) => ReactNode;

const cellClass = "border-b border-line px-3 py-1.5 text-[13px] align-middle max-md:min-w-0 max-md:border-0 max-md:p-0 max-md:whitespace-normal max-md:[overflow-wrap:anywhere]";

// A card: the title across the top, then the other cells as labelled facts, two to a line.
const cardClass = "max-md:grid max-md:h-auto max-md:grid-cols-2 max-md:gap-x-4 max-md:gap-y-2.5 max-md:border-b max-md:border-line max-md:px-3 max-md:py-3";

function useFiltered<T>(data: T[], searchText: ((row: T) => string) | undefined, filter: string): T[] {
  const index = useMemo(() => (searchText ? data.map((row) => searchText(row).toLowerCase()) : null), [data, searchText]);
  return useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    if (!index || words.length === 0) return data;
    return data.filter((_, i) => words.every((word) => index[i]!.includes(word)));
  }, [data, index, filter]);
}
