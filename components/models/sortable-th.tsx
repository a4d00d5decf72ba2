import Link from "next/link";
import { Th } from "@/components/ui/table";
import type { TInventoryQuery } from "@/lib/services/models/inventory";
import { inventoryHref } from "./inventory-url";

type Sort = TInventoryQuery["sort"];

/**
 * A column header that sorts by following a link, so the order is part of the shareable URL.
 * A first click uses the order people expect of the column (newest, most severe, least
 * documented first); a second click reverses it.
 */
export function SortableTh({ query, sort, label, firstDir = "asc", className }: { query: TInventoryQuery; sort: Sort; label: string; firstDir?: "asc" | "desc"; className?: string }) {
  const active = query.sort === sort;
  const dir = active ? (query.dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <Th aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <Link href={inventoryHref(query, { sort, dir, page: 1 })} className="group inline-flex items-center gap-1 hover:text-ink">
        {label}
        <SortArrow state={active ? query.dir : null} />
      </Link>
    </Th>
  );
}

function SortArrow({ state }: { state: "asc" | "desc" | null }) {
  return (
    <svg aria-hidden viewBox="0 0 12 12" className={state ? "h-3 w-3 text-brand" : "h-3 w-3 text-slate-300 group-hover:text-ink-muted"} fill="currentColor">
      {state !== "desc" && <path d="M6 1.5 9.5 5h-7z" />}
      {state !== "asc" && <path d="M6 10.5 2.5 7h7z" />}
    </svg>
  );
}
