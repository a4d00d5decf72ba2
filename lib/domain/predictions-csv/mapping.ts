import { z } from "zod";
import { INTERSECTION_SEPARATOR, intersectionKey } from "@/lib/domain/fairness/intersections";
import { PredictionsCsvError, quote } from "./errors";

/**
 * Which columns of a predictions file mean what. Column names and the positive label are exact
 * strings of the file (case and spaces matter); the label and prediction columns hold the
 * positive label and one other value.
 */
export const ZColumnMappingSchema = z.strictObject({
  label: z.string().min(1, "Name the column of true labels."),
  prediction: z.string().min(1, "Name the column of predicted labels."),
  score: z.string().min(1, "The score column name is empty.").nullable().optional(),
  sensitive: z.array(z.string().min(1, "A sensitive attribute column name is empty.")).min(1, "Name at least one sensitive attribute column."),
  positive: z.string().min(1, "Name the positive label."),
  intersections: z.array(z.array(z.string()).min(2, "An intersection needs at least two columns.")).default([]),
});

export type TColumnMapping = z.input<typeof ZColumnMappingSchema>;

export type TMappingRole = "true label" | "predicted label" | "score" | "sensitive attribute";

/** The mapping checked against itself (not yet against a header): throws invalid_mapping. */
export function checkMapping(mapping: TColumnMapping): void {
  const parsed = ZColumnMappingSchema.safeParse(mapping);
  if (!parsed.success) throw new PredictionsCsvError("invalid_mapping", parsed.error.issues[0]!.message);
  const { label, prediction, score, sensitive, intersections } = parsed.data;
  const invalid = (message: string) => new PredictionsCsvError("invalid_mapping", message);
  if (label === prediction) throw invalid(`The true label and the predicted label must be different columns; both are ${quote(label)}.`);
  if (score != null && (score === label || score === prediction)) throw invalid(`The score column ${quote(score)} is also the ${score === label ? "true" : "predicted"} label column.`);
  const seen = new Set<string>();
  for (const column of sensitive) {
    if (seen.has(column)) throw invalid(`The sensitive attribute ${quote(column)} is listed twice.`);
    seen.add(column);
    if (column === label || column === prediction || column === score) throw invalid(`The sensitive attribute ${quote(column)} is also the ${column === label ? "true label" : column === prediction ? "predicted label" : "score"} column.`);
  }
  const keys = new Set<string>();
  for (const columns of intersections) {
    const key = intersectionKey(columns);
    for (const column of columns) {
      if (column.includes(INTERSECTION_SEPARATOR)) throw invalid(`The column ${quote(column)} contains "${INTERSECTION_SEPARATOR}", which separates the columns of an intersection; rename the column to use it in one.`);
      if (!seen.has(column)) throw invalid(`The intersection ${quote(key)} uses ${quote(column)}, which is not one of the sensitive attributes (${sensitive.map(quote).join(", ")}).`);
    }
    if (new Set(columns).size !== columns.length) throw invalid(`The intersection ${quote(key)} names a column twice.`);
    if (keys.has(key)) throw invalid(`The intersection ${quote(key)} is listed twice.`);
    keys.add(key);
  }
}

/**
 * The header name closest to a name that is not in the header: the same ignoring case, spaces,
 * "_" and "-", or else the nearest by edit distance when it is near enough to be a misspelling.
 */
export function closestName(name: string, candidates: readonly string[]): string | null {
  const loose = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
  const exactish = candidates.find((c) => loose(c) === loose(name));
  if (exactish !== undefined) return exactish;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.ceil(name.length * 0.4)) ? best : null;
}

/** Levenshtein distance (insertions, deletions, substitutions) over UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const LISTED_COLUMNS = 20;

/** Resolves each mapped column to its index in the header, or throws naming the column. */
export function columnIndex(header: readonly string[], column: string, role: TMappingRole, row = 1): number {
  const first = header.indexOf(column);
  if (first === -1) {
    const suggestion = closestName(column, header);
    const listed = header.slice(0, LISTED_COLUMNS).map(quote).join(", ") + (header.length > LISTED_COLUMNS ? ` and ${header.length - LISTED_COLUMNS} more` : "");
    throw new PredictionsCsvError(
      "missing_column",
      `The ${role} column ${quote(column)} is not in the header (row ${row}).${suggestion === null ? "" : ` Did you mean ${quote(suggestion)}?`} The header has ${header.length} column${header.length === 1 ? "" : "s"}: ${listed}.`,
      { row, column },
    );
  }
  const second = header.indexOf(column, first + 1);
  if (second !== -1) {
    throw new PredictionsCsvError(
      "ambiguous_column",
      `The ${role} column ${quote(column)} appears more than once in the header (columns ${first + 1} and ${second + 1}); rename one so the mapping is unambiguous.`,
      { row, column },
    );
  }
  return first;
}
