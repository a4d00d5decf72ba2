import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramFromCounts, rocAuc, scoreHistogram, ScoreHistogramBuilder, TooManyDistinctScoresError } from "./score-histogram";
import { bruteForceAuc } from "./test-support";

describe("scoreHistogram", () => {
  it("groups exact ties and sorts the distinct scores ascending", () => {
    expect(scoreHistogram([[0.5, true], [0.1, false], [0.5, false], [0.9, true], [0.5, true]])).toEqual({
      scores: [0.1, 0.5, 0.9],
      positives: [0, 2, 1],
      negatives: [1, 1, 0],
    });
  });

  it("treats -0 and 0 as one score", () => {
    expect(scoreHistogram([[-0, true], [0, false]])).toEqual({ scores: [0], positives: [1], negatives: [1] });
    expect(Object.is(scoreHistogram([[-0, true]]).scores[0], 0)).toBe(true);
  });

  it("refuses NaN and infinities", () => {
    const builder = new ScoreHistogramBuilder();
    expect(() => builder.add(NaN, true)).toThrow(RangeError);
    expect(() => builder.add(Infinity, false)).toThrow(RangeError);
  });

  it("is empty for no rows", () => {
    expect(new ScoreHistogramBuilder().build()).toEqual({ scores: [], positives: [], negatives: [] });
  });

  it.each([
    ["in one merge at the end", 1 << 21],
    ["across many merges of full buffers", 4096],
  ])("counts 300,000 rows with 1,000 distinct scores exactly, %s", (_, maxBufferSize) => {
    const builder = new ScoreHistogramBuilder(Infinity, undefined, maxBufferSize);
    const expected = new Map<number, [number, number]>();
    let seed = 7;
    for (let i = 0; i < 300_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const score = (seed % 1000) / 1000;
      const positive = (seed >> 8) % 3 === 0;
      builder.add(score, positive);
      const cell = expected.get(score) ?? [0, 0];
      cell[positive ? 0 : 1]++;
      expected.set(score, cell);
    }
    const h = builder.build();
    const keys = [...expected.keys()].sort((a, b) => a - b);
    expect(h.scores).toEqual(keys);
    expect(h.positives).toEqual(keys.map((k) => expected.get(k)![0]));
    expect(h.negatives).toEqual(keys.map((k) => expected.get(k)![1]));
  });

  it("stops with a clear error past the distinct-score cap, at the end or at a merge", () => {
    const atEnd = new ScoreHistogramBuilder(100_000);
    for (let i = 0; i < 300_000; i++) atEnd.add(i, i % 2 === 0);
    expect(() => atEnd.build()).toThrow(new TooManyDistinctScoresError(100_000));
    const atMerge = new ScoreHistogramBuilder(10_000, undefined, 4096);
    let added = 0;
    expect(() => {
      for (; added < 300_000; added++) atMerge.add(added, added % 2 === 0);
    }).toThrow(new TooManyDistinctScoresError(10_000));
    expect(added).toBeLessThan(20_000);
    expect(new TooManyDistinctScoresError(2_000_000).message).toBe(
      "The score column has more than 2,000,000 distinct values, more than Attest keeps to compute ROC-AUC exactly. Round the scores (for example to 6 decimal places) and upload again.",
    );
  });
});

describe("histogramFromCounts and a seeded builder", () => {
  it("sorts counts and merges equal scores, -0 and 0 included", () => {
    expect(histogramFromCounts([[0.5, 1, 0], [0.1, 0, 2], [0.5, 2, 3], [-0, 1, 1], [0, 0, 1]])).toEqual({ scores: [0, 0.1, 0.5], positives: [1, 0, 3], negatives: [2, 2, 3] });
    expect(() => histogramFromCounts([[NaN, 1, 0]])).toThrow(RangeError);
  });

  it("continues from a histogram it is given", () => {
    const builder = new ScoreHistogramBuilder(10, { scores: [0.1, 0.5], positives: [1, 0], negatives: [0, 2] });
    builder.add(0.5, true);
    builder.add(0.3, false);
    expect(builder.build()).toEqual({ scores: [0.1, 0.3, 0.5], positives: [1, 0, 1], negatives: [0, 1, 2] });
    expect(() => new ScoreHistogramBuilder(1, { scores: [0.1, 0.5], positives: [1, 0], negatives: [0, 2] })).toThrow(new TooManyDistinctScoresError(1));
  });
});

describe("rocAuc", () => {
  it.each([
    ["perfect ranking", [[0.9, true], [0.8, true], [0.2, false]], 1],
    ["inverted ranking", [[0.1, true], [0.8, false]], 0],
    ["all tied", [[0.5, true], [0.5, false], [0.5, true], [0.5, false]], 0.5],
    ["one tie among four pairs", [[1, true], [2, true], [1, false], [0, false]], (1 * 0.5 + 1 + 1 + 1) / 4],
  ] as const)("%s", (_, pairs, expected) => {
    expect(rocAuc(scoreHistogram(pairs))).toBe(expected);
  });

  it("is null without positives or without negatives", () => {
    expect(rocAuc(scoreHistogram([[0.3, true], [0.4, true]]))).toBeNull();
    expect(rocAuc(scoreHistogram([[0.3, false]]))).toBeNull();
    expect(rocAuc(scoreHistogram([]))).toBeNull();
  });

  it("equals the brute-force pair count on random data with many ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.1, 0.2, 0.30000000000000004, -0, 1e-300)), fc.boolean()), { maxLength: 300 }),
        (pairs) => {
          const expected = bruteForceAuc(pairs);
          const actual = rocAuc(scoreHistogram(pairs));
          if (expected === null) expect(actual).toBeNull();
          else expect(actual).toBeCloseTo(expected, 14);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("equals the brute-force pair count for arbitrary doubles", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), { maxLength: 200 }), (pairs) => {
        const expected = bruteForceAuc(pairs);
        const actual = rocAuc(scoreHistogram(pairs));
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 14);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order rows arrive in", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 100 }).chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }))),
        ([pairs, shuffled]) => {
          expect(scoreHistogram(shuffled)).toEqual(scoreHistogram(pairs));
        },
      ),
    );
  });
});
