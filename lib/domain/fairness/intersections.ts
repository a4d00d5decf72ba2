/**
 * Names for intersections of sensitive attributes.
 *
 * The intersection of columns race and sex is keyed "race*sex", as in the API's
 * `intersections=race*sex` parameter (so a column used in an intersection may not contain "*").
 *
 * A group of an intersection is keyed by the JSON array of its values in column order, e.g.
 * `["African-American","Female"]`. JSON is unambiguous whatever the values contain (commas,
 * quotes, " × ", "*", empty strings), keeps the exact strings of the file, and parses back with
 * parseIntersectionGroupKey. For display, intersectionGroupLabel joins the values with " × ".
 */
export const INTERSECTION_SEPARATOR = "*";

export function intersectionKey(columns: readonly string[]): string {
  return columns.join(INTERSECTION_SEPARATOR);
}

export function intersectionGroupKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

export function parseIntersectionGroupKey(key: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    throw new Error(`${JSON.stringify(key)} is not an intersection group key (a JSON array of strings).`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((v) => typeof v === "string")) {
    throw new Error(`${JSON.stringify(key)} is not an intersection group key (a JSON array of strings).`);
  }
  return parsed as string[];
}

/** "African-American × Female": for people, not for keys (values may themselves contain " × "). */
export function intersectionGroupLabel(key: string): string {
  return parseIntersectionGroupKey(key).join(" × ");
}
