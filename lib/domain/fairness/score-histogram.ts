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
 * While building, scores arrive in a buffer per class that is sorted and merged into the
 * histogram whenever it fills. The buffers start at 64 Ki scores (512 KB each) and double, up to
 * 1 Mi scores (8 MB each), while the histogram outgrows them, so merging stays amortised O(1) per
 * row; memory is about 24 bytes per distinct score plus the buffers, and the work O(n log n). Continuous scores can make every row distinct:
 * past maxDistinctScores (default 2,000,000, about 48 MB) add() throws
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
const INITIAL_BUFFER_SIZE = 1 << 16;
const MAX_BUFFER_SIZE = 1 << 20;

export class TooManyDistinctScoresError extends Error {
  constructor(readonly limit: number) {
    super(
      `The score column has more than ${limit.toLocaleString("en-US")} distinct values, more than Attest keeps to compute ROC-AUC exactly. Round the scores (for example to 6 decimal places) and upload again.`,
    );
    this.name = "TooManyDistinctScoresError";
  }
}

export class ScoreHistogramBuilder {
  private scores = new Float64Array(0);
  private positives = new Float64Array(0);
  private negatives = new Float64Array(0);
  private distinct = 0;
  private positiveBuffer = new Float64Array(INITIAL_BUFFER_SIZE);
  private negativeBuffer = new Float64Array(INITIAL_BUFFER_SIZE);
  private positiveCount = 0;
  private negativeCount = 0;

  constructor(private readonly maxDistinctScores: number = DEFAULT_MAX_DISTINCT_SCORES) {}

  /** Records one row. The score must be a finite number. */
  add(score: number, positive: boolean): void {
    if (!Number.isFinite(score)) throw new RangeError(`A score must be a finite number, not ${score}.`);
    if (positive) {
      this.positiveBuffer[this.positiveCount++] = score;
      if (this.positiveCount === this.positiveBuffer.length) this.flush();
    } else {
      this.negativeBuffer[this.negativeCount++] = score;
      if (this.negativeCount === this.negativeBuffer.length) this.flush();
    }
  }

  build(): TScoreHistogram {
    this.flush();
    return {
      scores: Array.from(this.scores.subarray(0, this.distinct)),
      positives: Array.from(this.positives.subarray(0, this.distinct)),
      negatives: Array.from(this.negatives.subarray(0, this.distinct)),
    };
  }

  /** Sorts both buffers and merges them into the histogram (a three-way merge of sorted runs). */
  private flush(): void {
    if (this.positiveCount === 0 && this.negativeCount === 0) return;
    // TypedArray sort is numeric and puts -0 before 0; the merge below treats them as one score.
    const pos = this.positiveBuffer.subarray(0, this.positiveCount).sort();
    const neg = this.negativeBuffer.subarray(0, this.negativeCount).sort();
    const capacity = this.distinct + pos.length + neg.length;
    const scores = new Float64Array(capacity);
    const positives = new Float64Array(capacity);
    const negatives = new Float64Array(capacity);
    let h = 0;
    let p = 0;
    let q = 0;
    let out = 0;
    while (h < this.distinct || p < pos.length || q < neg.length) {
      const next = Math.min(
        h < this.distinct ? this.scores[h]! : Infinity,
        p < pos.length ? pos[p]! : Infinity,
        q < neg.length ? neg[q]! : Infinity,
      );
      let positive = 0;
      let negative = 0;
      // `===` makes -0 and 0 one score; NaN never gets here (add() refuses it).
      while (h < this.distinct && this.scores[h] === next) {
        positive += this.positives[h]!;
        negative += this.negatives[h]!;
        h++;
      }
      while (p < pos.length && pos[p] === next) {
        positive++;
        p++;
      }
      while (q < neg.length && neg[q] === next) {
        negative++;
        q++;
      }
      scores[out] = next === 0 ? 0 : next;
      positives[out] = positive;
      negatives[out] = negative;
      out++;
    }
    if (out > this.maxDistinctScores) throw new TooManyDistinctScoresError(this.maxDistinctScores);
    this.scores = scores;
    this.positives = positives;
    this.negatives = negatives;
    this.distinct = out;
    this.positiveCount = 0;
    this.negativeCount = 0;
    if (out > this.positiveBuffer.length && this.positiveBuffer.length < MAX_BUFFER_SIZE) {
      this.positiveBuffer = new Float64Array(this.positiveBuffer.length * 2);
      this.negativeBuffer = new Float64Array(this.negativeBuffer.length * 2);
    }
  }
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
