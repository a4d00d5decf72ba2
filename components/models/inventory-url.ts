import { ZInventoryQuerySchema, type TInventoryQuery } from "@/lib/services/models/inventory";

type SearchParams = Record<string, string | string[] | undefined>;

const KEYS = ["q", "tier", "stage", "owner", "businessUnit", "completeness", "evaluation", "review", "decidedWeek", "sort", "dir", "page", "pageSize"] as const;
const DEFAULTS: Partial<Record<(typeof KEYS)[number], string>> = { sort: "name", dir: "asc", page: "1", pageSize: "25" };
export const FILTER_KEYS = ["q", "tier", "stage", "owner", "businessUnit", "completeness", "evaluation", "review", "decidedWeek"] as const;
const PARAM_NAMES: Record<string, string> = {
  q: "the search", tier: "the risk tier", stage: "the stage", owner: "the owner", businessUnit: "the business unit",
  completeness: "the documentation filter", evaluation: "the evaluation filter", review: "the review filter", decidedWeek: "the week of decisions", sort: "the sort order", dir: "the sort direction", page: "the page number", pageSize: "the page size",
};

/**
 * The inventory's state from the URL. A parameter that does not parse (a hand-edited or stale
 * link) is dropped and named, so the rest of a shared view still applies.
 */
export function parseInventoryParams(params: SearchParams): { query: TInventoryQuery; ignored: string[] } {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) raw[key] = first;
  }
  const parsed = ZInventoryQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, ignored: [] };
  const keys = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  for (const key of keys) delete raw[key];
  return { query: ZInventoryQuerySchema.parse(raw), ignored: keys.map((key) => PARAM_NAMES[key] ?? key) };
}

/** The link to the inventory with some state changed; defaults are left out to keep links short. */
export function inventoryHref(query: TInventoryQuery, changes: Partial<TInventoryQuery> = {}): string {
  const next: Record<string, unknown> = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = next[key];
    if (value === undefined || value === null || value === "" || String(value) === DEFAULTS[key]) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/models?${search}` : "/models";
}

export function hasFilters(query: TInventoryQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== undefined);
}
