import type { TConfusionCounts } from "@/lib/domain/fairness/counts";
import { intersectionGroupKey, intersectionKey } from "@/lib/domain/fairness/intersections";
import {
  DEFAULT_MAX_DISTINCT_SCORES,
  histogramFromCounts,
  ScoreHistogramBuilder,
  TooManyDistinctScoresError,
  type TScoreHistogram,
} from "@/lib/domain/fairness/score-histogram";
import { PredictionsCsvError, quote } from "./errors";
import { checkMapping, columnIndex, ZColumnMappingSchema, type TColumnMapping } from "./mapping";

type TGroupTable = Record<string, TConfusionCounts>;

/** Everything the metrics need, and nothing of the rows: ready for evaluationMetrics(). */
export type TAccumulatedPredictions = {
  /** Data rows (the header and blank lines not counted). */
  rows: number;
  labels: { positive: string; negative: string | null };
  overall: TConfusionCounts;
  attributes: Record<string, { groups: TGroupTable }>;
  /** Keyed "a*b"; groups keyed by the JSON array of their values (see fairness/intersections.ts). */
  intersections: Record<string, { groups: TGroupTable }>;
  /** Present when the mapping names a score column. */
  scoreHistogram?: TScoreHistogram;
};

/** Confusion cells as indices: 2·label + predicted. */
const TN = 0;
const FP = 1;
const FN = 2;
const TP = 3;
type TCells = [number, number, number, number];
type TNested = Map<string, TNested | TCells>;

type TAttribute = { column: string; index: number; groups: Map<string, TCells> };
type TIntersection = { key: string; indices: number[]; root: TNested };

/**
 * Scores are first counted by their text: most files hold few distinct score strings (rounded
 * probabilities, deciles), and a Map lookup on the string is several times cheaper than parsing
 * it and sorting it into the histogram for every row. Past this many distinct texts the counts
 * move into a ScoreHistogramBuilder and each score is parsed from then on.
 */
const MAX_SCORE_TEXTS = 65_536;

/**
 * Counts a predictions table row by row: the confusion cells overall, per group of each
 * sensitive attribute and of each intersection, and the score histogram for ROC-AUC. Feed it the
 * header, then the rows (CsvParser's onRow does both); finish() checks what can only be checked
 * at the end and returns the counts.
 *
 * Labels are exact strings. The positive label is the one named; the first other value seen in
 * the label or prediction column is the negative label, and any third value is an error: the
 * evaluation is binary.
 */
export class PredictionAccumulator {
  private readonly mapping: ReturnType<typeof ZColumnMappingSchema.parse>;
  private readonly positive: string;
  private negative: string | null = null;
  private width = 0;
  private headerRow: string[] | null = null;
  private labelIndex = 0;
  private predictionIndex = 0;
  private scoreIndex = -1;
  private attributes: TAttribute[] = [];
  private intersections: TIntersection[] = [];
  private readonly overall: TCells = [0, 0, 0, 0];
  private readonly hasScore: boolean;
  private readonly maxDistinctScores: number;
  private scoreSlots: Map<string, number> | null = new Map();
  private scoreTexts: string[] = [];
  private scorePositives: number[] = [];
  private scoreNegatives: number[] = [];
  private histogram: ScoreHistogramBuilder | null = null;
  private dataRows = 0;

  constructor(mapping: TColumnMapping, options: { maxDistinctScores?: number } = {}) {
    checkMapping(mapping);
    this.mapping = ZColumnMappingSchema.parse(mapping);
    this.positive = this.mapping.positive;
    this.hasScore = this.mapping.score != null;
    this.maxDistinctScores = options.maxDistinctScores ?? DEFAULT_MAX_DISTINCT_SCORES;
  }

  /** Data rows counted so far. */
  get rows(): number {
    return this.dataRows;
  }

  /** For CsvParser: the first record is the header, the others are data. */
  readonly onRow = (fields: string[], row: number): void => {
    if (this.headerRow === null) this.header(fields, row);
    else this.add(fields, row);
  };

  header(fields: string[], row = 1): void {
    const m = this.mapping;
    this.headerRow = fields;
    this.width = fields.length;
    this.labelIndex = columnIndex(fields, m.label, "true label", row);
    this.predictionIndex = columnIndex(fields, m.prediction, "predicted label", row);
    if (m.score != null) this.scoreIndex = columnIndex(fields, m.score, "score", row);
    this.attributes = m.sensitive.map((column) => ({ column, index: columnIndex(fields, column, "sensitive attribute", row), groups: new Map() }));
    const indexOf = new Map(this.attributes.map((a) => [a.column, a.index]));
    this.intersections = m.intersections.map((columns) => ({ key: intersectionKey(columns), indices: columns.map((c) => indexOf.get(c)!), root: new Map() }));
  }

  add(fields: string[], row: number): void {
    if (fields.length !== this.width) throw this.ragged(fields.length, row);
    const label = fields[this.labelIndex]!;
    const predicted = fields[this.predictionIndex]!;
    const y = label === this.positive ? 1 : label === this.negative ? 0 : this.newLabel(label, this.mapping.label, row, false);
    const p = predicted === this.positive ? 1 : predicted === this.negative ? 0 : this.newLabel(predicted, this.mapping.prediction, row, y === 1);
    const cell = 2 * y + p;
    this.overall[cell]!++;
    const attributes = this.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const attribute = attributes[a]!;
      const value = fields[attribute.index]!;
      let counts = attribute.groups.get(value);
      if (counts === undefined) {
        counts = [0, 0, 0, 0];
        attribute.groups.set(value, counts);
      }
      counts[cell]++;
    }
    const intersections = this.intersections;
    for (let k = 0; k < intersections.length; k++) {
      const { indices, root } = intersections[k]!;
      let node = root;
      const last = indices.length - 1;
      for (let level = 0; level < last; level++) {
        const value = fields[indices[level]!]!;
        let next = node.get(value) as TNested | undefined;
        if (next === undefined) {
          next = new Map();
          node.set(value, next);
        }
        node = next;
      }
      const value = fields[indices[last]!]!;
      let counts = node.get(value) as TCells | undefined;
      if (counts === undefined) {
        counts = [0, 0, 0, 0];
        node.set(value, counts);
      }
      counts[cell]++;
    }
    if (this.hasScore) {
      const text = fields[this.scoreIndex]!;
      const slot = this.scoreSlots?.get(text);
      if (slot === undefined) this.addScore(text, y === 1, row);
      else if (y === 1) this.scorePositives[slot]!++;
      else this.scoreNegatives[slot]!++;
    }
    this.dataRows++;
  }

  finish(): TAccumulatedPredictions {
    if (this.headerRow === null) throw new PredictionsCsvError("empty_file", "The file is empty: it has neither a header row nor data rows.");
    if (this.dataRows === 0) throw new PredictionsCsvError("header_only", "The file has a header row but no data rows.", { row: 2 });
    const labelColumn = this.mapping.label;
    if (this.overall[TP] + this.overall[FN] === 0) {
      throw new PredictionsCsvError(
        "positive_label_absent",
        `The positive label ${quote(this.positive)} never occurs in the true label column ${quote(labelColumn)}, which holds only ${quote(this.negative!)}. Name the positive label exactly as the file writes it.`,
        { column: labelColumn, value: this.positive },
      );
    }
    for (const { column, groups } of this.attributes) {
      if (groups.size < 2) {
        const [only] = groups.keys();
        throw new PredictionsCsvError(
          "single_group",
          `The sensitive attribute ${quote(column)} has one group only (${quote(only!)}, in all ${this.dataRows.toLocaleString("en-US")} rows); a fairness evaluation needs at least two groups to compare.`,
          { column, value: only! },
        );
      }
    }
    let scoreHistogram: TScoreHistogram | undefined;
    if (this.hasScore) {
      try {
        scoreHistogram = this.histogram === null ? this.textHistogram() : this.histogram.build();
        if (scoreHistogram.scores.length > this.maxDistinctScores) throw new TooManyDistinctScoresError(this.maxDistinctScores);
      } catch (error) {
        throw this.scoreError(error, null);
      }
    }
    return {
      rows: this.dataRows,
      labels: { positive: this.positive, negative: this.negative },
      overall: counts(this.overall),
      attributes: Object.fromEntries(this.attributes.map(({ column, groups }) => [column, { groups: table(groups) }])),
      intersections: Object.fromEntries(this.intersections.map(({ key, root }) => [key, { groups: flatten(root) }])),
      ...(scoreHistogram === undefined ? {} : { scoreHistogram }),
    };
  }

  private newLabel(value: string, column: string, row: number, positiveInThisRow: boolean): 0 {
    if (value === "") throw new PredictionsCsvError("empty_label", `Row ${row}, column ${quote(column)}: the value is empty; every row needs a true and a predicted label.`, { row, column, value });
    if (this.negative === null) {
      this.negative = value;
      return 0;
    }
    const positiveSeen = positiveInThisRow || this.overall[TP] + this.overall[FN] + this.overall[FP] > 0;
    const hint = positiveSeen ? "" : ` The positive label ${quote(this.positive)} has not occurred so far: is it written differently in the file?`;
    throw new PredictionsCsvError(
      "unexpected_label",
      `Row ${row}, column ${quote(column)}: ${quote(value)} is neither the positive label ${quote(this.positive)} nor the other label ${quote(this.negative)} seen so far; a binary evaluation allows only these two values.${hint}`,
      { row, column, value },
    );
  }

  /** A score text not seen before (or any score, once there are too many texts to count by text). */
  private addScore(text: string, positive: boolean, row: number): void {
    const score = parseScore(text);
    if (score !== score) {
      const column = this.mapping.score!;
      const hint = /^[+-]?\d+,\d+$/.test(text) ? " Write decimals with a point (0.5), not a comma." : "";
      throw new PredictionsCsvError("non_numeric_score", `Row ${row}, column ${quote(column)}: ${quote(text)} is not a number.${hint}`, { row, column, value: text });
    }
    try {
      if (this.scoreSlots !== null && this.scoreSlots.size >= Math.min(MAX_SCORE_TEXTS, this.maxDistinctScores + 1)) {
        this.histogram = new ScoreHistogramBuilder(this.maxDistinctScores, this.textHistogram());
        this.scoreSlots = null;
        this.scoreTexts = this.scorePositives = this.scoreNegatives = [];
      }
      if (this.scoreSlots !== null) {
        this.scoreSlots.set(text, this.scoreTexts.length);
        this.scoreTexts.push(text);
        this.scorePositives.push(positive ? 1 : 0);
        this.scoreNegatives.push(positive ? 0 : 1);
      } else {
        this.histogram!.add(score, positive);
      }
    } catch (error) {
      throw this.scoreError(error, row);
    }
  }

  private textHistogram(): TScoreHistogram {
    return histogramFromCounts(this.scoreTexts.map((text, i) => [parseScore(text), this.scorePositives[i]!, this.scoreNegatives[i]!] as const));
  }

  private scoreError(error: unknown, row: number | null): unknown {
    if (!(error instanceof TooManyDistinctScoresError)) return error;
    const column = this.mapping.score!;
    if (row === null) return new PredictionsCsvError("too_many_scores", error.message, { column });
    return new PredictionsCsvError("too_many_scores", `By row ${row}: ${error.message}`, { row, column });
  }

  private ragged(found: number, row: number) {
    return new PredictionsCsvError("ragged_row", `Row ${row} has ${found} field${found === 1 ? "" : "s"}, but the header has ${this.width}.`, { row });
  }
}

/**
 * A decimal number as Python, R and spreadsheets write them ("0.73", "-1e-5", ".5", "1."), or
 * NaN. Stricter than Number(): no empty string, no spaces, no hex, binary or octal, no Infinity.
 */
export function parseScore(text: string): number {
  const length = text.length;
  if (length === 0) return NaN;
  const first = text.charCodeAt(0);
  const lastChar = text.charCodeAt(length - 1);
  // first: digit, + - or . ; last: digit or . ; second: not a radix letter (0x, 0b, 0o)
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return NaN;
  if (!((lastChar >= 48 && lastChar <= 57) || lastChar === 46)) return NaN;
  if (length > 1 && first === 48) {
    const second = text.charCodeAt(1) | 0x20;
    if (second === 120 || second === 98 || second === 111) return NaN;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : NaN;
}

const counts = (cells: TCells): TConfusionCounts => ({ tp: cells[TP], fp: cells[FP], tn: cells[TN], fn: cells[FN] });

/** Groups in code-unit order, as plain records (Object.fromEntries keeps "__proto__" an ordinary key). */
function table(groups: Map<string, TCells>): TGroupTable {
  const entries = [...groups].map(([value, cells]) => [value, counts(cells)] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function flatten(root: TNested): TGroupTable {
  const leaves = new Map<string, TCells>();
  const walk = (node: TNested, path: string[]) => {
    for (const [value, child] of node) {
      if (child instanceof Map) walk(child, [...path, value]);
      else leaves.set(intersectionGroupKey([...path, value]), child);
    }
  };
  walk(root, []);
  return table(leaves);
}
