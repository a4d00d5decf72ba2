import { intersectionGroupLabel } from "@/lib/domain/fairness/intersections";

/** A proportion as a reader compares them: two decimals, "—" when undefined. */
export function formatRate(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}

/** A proportion as a percent, for chart ticks and summaries. */
export function formatPercent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** "0.62 (0.58–0.66)": the value and its 95% interval. */
export function formatWithInterval(value: number | null, interval: readonly [number, number] | null | undefined): string {
  if (value === null) return "—";
  return interval ? `${value.toFixed(2)} (${interval[0].toFixed(2)}–${interval[1].toFixed(2)})` : value.toFixed(2);
}

/**
 * Groups and attributes in reading order ("18-29" before "30-49", "Female" before "Male"). The
 * stored JSON does not keep an order (PostgreSQL's jsonb orders keys by length first).
 */
export const byName = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

export function formatCount(value: number): string {
  return value.toLocaleString("en-GB");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Is this key an intersection of attributes ("race*sex")? Its groups are then JSON arrays. */
export function attributeLabel(key: string, intersection: boolean): string {
  return intersection ? key.split("*").join(" × ") : key;
}

/** A group as people read it: intersection keys (JSON arrays) become "Black × Female". */
export function groupLabel(group: string, intersection: boolean): string {
  if (!intersection) return group === "" ? "(empty)" : group;
  try {
    return intersectionGroupLabel(group);
  } catch {
    return group;
  }
}

/** The anchor of an attribute's or intersection's section on the evaluation page. */
export function sectionId(name: string, intersection: boolean): string {
  return `${intersection ? "intersection" : "attribute"}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase().replace(/^-|-$/g, "") || "unnamed"}`;
}
