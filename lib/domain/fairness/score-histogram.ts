import { sortScores } from "./sort-scores";

/**
 * Exact ROC-AUC from a stream of (score, true label) pairs without keeping the rows.
 *
 * ROC-AUC is the Mann–Whitney statistic: the share of (positive, negative) pairs in which the
 * positive has the higher score, a tie counting ½. It depends only on how many positives and
 * negatives share each distinct score, so the summary is a histogram: the distinct scores in
 * ascending order with the number of positives and negatives at each. That is exact (ties are
 * grouped by exact double value; -0 and 0 are one score) and its size is O(distinct scores), not
 * O(rows): scores rounded to a few decimals give a histogram of a few thousand entries whatever
 * the row count.
 *
 * While building, scores are appended to a buffer per class (8 bytes a row), which is sorted and
 * merged into the histogram only when it reaches 2 Mi scores (16 MB) and at build(): one sort of
 * everything for files up to a few million rows, and no repeated merging. (A caller whose scores
 * have few distinct values can count them itself and start the builder from that histogram, as
 * the predictions reader does.) Memory is about 24 bytes per distinct score, plus the buffers (at
 * most 32 MB) and, while sorting, 16 bytes of scratch per buffered score; the work is O(n log n). Continuous scores can make every row distinct: past
 * maxDistinctScores (default 2,000,000, about 48 MB) add() or build() throws
 * TooManyDistinctScoresError, naming the cap, rather than growing without bound.
 */
export type TScoreHistogram = {
  /** Distinct scores, strictly ascending. */
  scores: number[];
  /** positives[i] / negatives[i]: rows with score scores[i] whose true label is / is not the positive label. */
  positives: number[];
  negatives: number[];
};

export const DEFAULT_MAX_DISTINCT_SCORES = 2_000_000;
const INITIAL_BUFFER_SIZE = 1 << 12;
const MAX_BUFFER_SIZE = 1 << 21;

export class TooManyDistinctScoresError extends Error {
  constructor(readonly limit: number) {
    super(
      `The score column has more than ${limit.toLocaleString("en-US")} distinct values, more than Attest keeps to compute ROC-AUC exactly. Round the scores (for example to 6 decimal places) and upload again.`,
    );
    this.name = "TooManyDistinctScoresError";
  }
}

export class ScoreHistogramBuilder {
  private scores: Float64Array = new Float64Array(0);
  private positives: Float64Array = new Float64Array(0);
  private negatives: Float64Array = new Float64Array(0);
  private distinct = 0;
  private positiveBuffer: Float64Array = new Float64Array(INITIAL_BUFFER_SIZE);
  private negativeBuffer: Float64Array = new Float64Array(INITIAL_BUFFER_SIZE);
  private positiveCount = 0;
  private negativeCount = 0;

  /** Optionally starts from an existing histogram (for example one counted another way so far). */
  constructor(
    private readonly maxDistinctScores: number = DEFAULT_MAX_DISTINCT_SCORES,
    initial?: TScoreHistogram,
    /** The largest buffer before a merge (tests lower it to exercise merging). */
    private readonly maxBufferSize: number = MAX_BUFFER_SIZE,
  ) {
    if (initial) {
      if (initial.scores.length > maxDistinctScores) throw new TooManyDistinctScoresError(maxDistinctScores);
      this.scores = Float64Array.from(initial.scores);
      this.positives = Float64Array.from(initial.positives);
      this.negatives = Float64Array.from(initial.negatives);
      this.distinct = initial.scores.length;
    }
  }

  /** Records one row. The score must be a finite number. */
  add(score: number, positive: boolean): void {
    if (!Number.isFinite(score)) throw new RangeError(`A score must be a finite number, not ${score}.`);
    if (positive) {
      if (this.positiveCount === this.positiveBuffer.length) this.positiveBuffer = this.grow(this.positiveBuffer);
      this.positiveBuffer[this.positiveCount++] = score;
    } else {
      if (this.negativeCount === this.negativeBuffer.length) this.negativeBuffer = this.grow(this.negativeBuffer);
      this.negativeBuffer[this.negativeCount++] = score;
    }
  }

  /** A full buffer: twice as large while under the maximum, else merged into the histogram and reused. */
  private grow(buffer: Float64Array): Float64Array {
    if (buffer.length < this.maxBufferSize) {
      const larger = new Float64Array(buffer.length * 2);
      larger.set(buffer);
      return larger;
    }
    this.flush();
    return buffer;
  }

  build(): TScoreHistogram {
    this.flush();
    return { scores: toArray(this.scores, this.distinct), positives: toArray(this.positives, this.distinct), negatives: toArray(this.negatives, this.distinct) };
  }

  /** Sorts both buffers and merges them into the histogram. */
  private flush(): void {
    if (this.positiveCount === 0 && this.negativeCount === 0) return;
    const run = runLengths(sortScores(this.positiveBuffer.subarray(0, this.positiveCount)), sortScores(this.negativeBuffer.subarray(0, this.negativeCount)));
    const merged = this.distinct === 0 ? run : mergeRuns({ scores: this.scores, positives: this.positives, negatives: this.negatives, n: this.distinct }, run);
    if (merged.n > this.maxDistinctScores) throw new TooManyDistinctScoresError(this.maxDistinctScores);
    this.scores = merged.scores;
    this.positives = merged.positives;
    this.negatives = merged.negatives;
    this.distinct = merged.n;
    this.positiveCount = 0;
    this.negativeCount = 0;
  }
}

type TRun = { scores: Float64Array; positives: Float64Array; negatives: Float64Array; n: number };

/**
 * The histogram of two sorted lists of scores (positives, negatives). `===` makes -0 and 0 one
 * score, stored as 0; NaN never gets here (add() refuses it).
 */
function runLengths(pos: Float64Array, neg: Float64Array): TRun {
  const capacity = pos.length + neg.length;
  const scores = new Float64Array(capacity);
  const positives = new Float64Array(capacity);
  const negatives = new Float64Array(capacity);
  const np = pos.length;
  const nq = neg.length;
  let p = 0;
  let q = 0;
  let out = 0;
  while (p < np || q < nq) {
    const next = q >= nq || (p < np && pos[p]! <= neg[q]!) ? pos[p]! : neg[q]!;
    let positive = 0;
    let negative = 0;
    while (p < np && pos[p] === next) {
      positive++;
      p++;
    }
    while (q < nq && neg[q] === next) {
      negative++;
      q++;
    }
    scores[out] = next === 0 ? 0 : next;
    positives[out] = positive;
    negatives[out] = negative;
    out++;
  }
  return { scores, positives, negatives, n: out };
}

/** Two histograms as one. */
function mergeRuns(a: TRun, b: TRun): TRun {
  const capacity = a.n + b.n;
  const scores = new Float64Array(capacity);
  const positives = new Float64Array(capacity);
  const negatives = new Float64Array(capacity);
  let i = 0;
  let j = 0;
  let out = 0;
  while (i < a.n || j < b.n) {
    if (j >= b.n || (i < a.n && a.scores[i]! < b.scores[j]!)) {
      scores[out] = a.scores[i]!;
      positives[out] = a.positives[i]!;
      negatives[out] = a.negatives[i]!;
      i++;
    } else if (i >= a.n || b.scores[j]! < a.scores[i]!) {
      scores[out] = b.scores[j]!;
      positives[out] = b.positives[j]!;
      negatives[out] = b.negatives[j]!;
      j++;
    } else {
      scores[out] = a.scores[i]!;
      positives[out] = a.positives[i]! + b.positives[j]!;
      negatives[out] = a.negatives[i]! + b.negatives[j]!;
      i++;
      j++;
    }
    out++;
  }
  return { scores, positives, negatives, n: out };
}

/** A plain array of the first n values (Array.from on a typed array is several times slower). */
function toArray(values: Float64Array, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = values[i]!;
  return out;
}

/**
 * The histogram of (score, positives, negatives) counts in any order, merging equal scores (so a
 * caller may count by the text of a score, where "0.5" and "0.50" are one score).
 */
export function histogramFromCounts(entries: Iterable<readonly [score: number, positives: number, negatives: number]>): TScoreHistogram {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const histogram: TScoreHistogram = { scores: [], positives: [], negatives: [] };
  for (const [score, positives, negatives] of sorted) {
    if (!Number.isFinite(score)) throw new RangeError(`A score must be a finite number, not ${score}.`);
    const last = histogram.scores.length - 1;
    if (last >= 0 && histogram.scores[last] === score) {
      histogram.positives[last]! += positives;
      histogram.negatives[last]! += negatives;
    } else {
      histogram.scores.push(score === 0 ? 0 : score);
      histogram.positives.push(positives);
      histogram.negatives.push(negatives);
    }
  }
  return histogram;
}

/** The histogram of a finished list of (score, positive) pairs: a convenience for tests and small inputs. */
export function scoreHistogram(pairs: Iterable<readonly [score: number, positive: boolean]>): TScoreHistogram {
  const builder = new ScoreHistogramBuilder(Infinity);
  for (const [score, positive] of pairs) builder.add(score, positive);
  return builder.build();
}

/**
 * Exact ROC-AUC (Mann–Whitney U / (P·N), ties ½) from the histogram, or null when there are no
 * positives or no negatives. The sum is kept doubled, 2U = Σ pos_i·(2·neg_below_i + neg_i), so
 * it stays a whole number, exact in a double up to 2^53 (P·N up to about 4.5·10^15, i.e. well
 * over 100 million rows); the one division at the end is then correctly rounded.
 */
export function rocAuc(histogram: TScoreHistogram): number | null {
  let positives = 0;
  let negatives = 0;
  let doubledU = 0;
  for (let i = 0; i < histogram.scores.length; i++) {
    const pos = histogram.positives[i]!;
    const neg = histogram.negatives[i]!;
    doubledU += pos * (2 * negatives + neg);
    positives += pos;
    negatives += neg;
  }
  if (positives === 0 || negatives === 0) return null;
  return doubledU / (2 * positives * negatives);
}
