import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluationMetrics } from "@/lib/domain/fairness/evaluation";
import { intersectionGroupKey } from "@/lib/domain/fairness/intersections";
import { scoreHistogram } from "@/lib/domain/fairness/score-histogram";
import { countRows } from "@/lib/domain/fairness/test-support";
import { parseScore } from "./accumulator";
import { PredictionsCsvError } from "./errors";
import { closestName, editDistance, type TColumnMapping } from "./mapping";
import { PredictionsCsvReader, readPredictionsCsv } from "./reader";

const MAPPING: TColumnMapping = { label: "y", prediction: "yhat", sensitive: ["race", "sex"], positive: "1" };

function read(text: string | Uint8Array | (string | Uint8Array)[], mapping: TColumnMapping = MAPPING, options: { maxDistinctScores?: number } = {}) {
  const reader = new PredictionsCsvReader(mapping, options);
  for (const chunk of Array.isArray(text) ? text : [text]) reader.push(chunk);
  return reader.end();
}

function failure(text: string | Uint8Array, mapping: TColumnMapping = MAPPING, options: { maxDistinctScores?: number } = {}) {
  try {
    read(text, mapping, options);
  } catch (e) {
    if (!(e instanceof PredictionsCsvError)) throw e;
    return { code: e.code, message: e.message, row: e.row, column: e.column, value: e.value };
  }
  throw new Error("no error");
}

const c = (tp: number, fp: number, tn: number, fn: number) => ({ tp, fp, tn, fn });

describe("PredictionsCsvReader: counting", () => {
  const csv = ["id,y,yhat,race,sex,score", "1,1,1,A,F,0.9", "2,0,1,A,M,0.8", "3,1,0,B,F,0.4", "4,0,0,B,M,0.1", "5,1,1,B,M,0.8", ""].join("\n");

  it("counts overall, per attribute and per intersection, and builds the score histogram", () => {
    expect(read(csv, { ...MAPPING, score: "score", intersections: [["race", "sex"]] })).toEqual({
      rows: 5,
      labels: { positive: "1", negative: "0" },
      overall: c(2, 1, 1, 1),
      attributes: {
        race: { groups: { A: c(1, 1, 0, 0), B: c(1, 0, 1, 1) } },
        sex: { groups: { F: c(1, 0, 0, 1), M: c(1, 1, 1, 0) } },
      },
      intersections: {
        "race*sex": { groups: { '["A","F"]': c(1, 0, 0, 0), '["A","M"]': c(0, 1, 0, 0), '["B","F"]': c(0, 0, 0, 1), '["B","M"]': c(1, 0, 1, 0) } },
      },
      scoreHistogram: { scores: [0.1, 0.4, 0.8, 0.9], positives: [0, 1, 1, 1], negatives: [1, 0, 1, 0] },
    });
  });

  it("gives the same counts for CRLF, a byte order mark, TSV, quoted fields and any chunking", () => {
    const expected = read(csv);
    const variants = [
      csv.replaceAll("\n", "\r\n"),
      "\uFEFF" + csv,
      csv.replaceAll(",", "\t"),
      csv.replace("1,1,1,A,F", '"1","1","1","A","F"'),
    ];
    for (const variant of variants) {
      const bytes = new TextEncoder().encode(variant);
      expect(read(bytes)).toEqual(expected);
      for (let k = 0; k <= bytes.length; k++) expect(read([bytes.subarray(0, k), bytes.subarray(k)])).toEqual(expected);
    }
  });

  it("keeps group values exactly as written: case, spaces, quotes, commas, __proto__", () => {
    const result = read(["y,yhat,race,sex", '1,1,"Doe, J",F', "0,0, Doe,f", "1,0,__proto__,F", '0,1,"say ""hi""",F '].join("\n"));
    expect(Object.keys(result.attributes.race!.groups)).toEqual([" Doe", "Doe, J", "__proto__", 'say "hi"']);
    expect(Object.keys(result.attributes.sex!.groups)).toEqual(["F", "F ", "f"]);
    expect(Object.hasOwn(result.attributes.race!.groups, "__proto__")).toBe(true);
  });

  it("takes labels as exact strings: any positive label, and the first other value as the negative", () => {
    const result = read(["y,yhat,race,sex", "no,yes,A,F", "yes,yes,B,M"].join("\n"), { ...MAPPING, positive: "yes" });
    expect(result.labels).toEqual({ positive: "yes", negative: "no" });
    expect(result.overall).toEqual(c(1, 1, 0, 0));
  });

  it("allows a prediction column that never predicts the positive label", () => {
    expect(read(["y,yhat,race,sex", "1,0,A,F", "0,0,B,M"].join("\n")).overall).toEqual(c(0, 0, 1, 1));
  });

  it("counts three-way intersections, keyed by JSON arrays", () => {
    const result = read(["y,yhat,race,sex,age", "1,1,A,F,young", "0,1,A,F,old", "1,0,A,F,young"].join("\n").concat("\n0,0,B,M,old"), {
      ...MAPPING,
      sensitive: ["race", "sex", "age"],
      intersections: [["race", "sex", "age"], ["age", "sex"]],
    });
    expect(result.intersections["race*sex*age"]!.groups).toEqual({
      '["A","F","old"]': c(0, 1, 0, 0),
      '["A","F","young"]': c(1, 0, 0, 1),
      '["B","M","old"]': c(0, 0, 1, 0),
    });
    expect(Object.keys(result.intersections["age*sex"]!.groups)).toEqual(['["old","F"]', '["old","M"]', '["young","F"]']);
  });

  it("reports progress", () => {
    const reader = new PredictionsCsvReader(MAPPING);
    reader.push("y,yhat,race,sex\n1,1,A,F\n0,");
    expect(reader.rowsProcessed).toBe(1);
    expect(reader.bytesProcessed).toBe(26);
    reader.push(new TextEncoder().encode("0,B,M\n"));
    expect(reader.rowsProcessed).toBe(2);
    expect(reader.bytesProcessed).toBe(32);
    expect(reader.end().rows).toBe(2);
  });

  it("reads an async stream, and its counts evaluate", async () => {
    async function* chunks() {
      yield new TextEncoder().encode("y,yhat,race,sex\n");
      yield "1,1,A,F\n0,0,B,M\n";
    }
    const result = await readPredictionsCsv(chunks(), MAPPING);
    const metrics = evaluationMetrics(result, { references: { race: "A" } });
    expect(metrics.attributes.race!.versusReference.B!.statisticalParityDifference).toBe(-1);
    expect(metrics.overall.accuracy).toBe(1);
  });
});

describe("PredictionsCsvReader: counts equal the row-by-row reference on random tables", () => {
  const value = fc.constantFrom("A", "B", "c", "", " A", "x,y", 'q"t', "é", "__proto__", "line\nbreak");
  const rowArb = fc.record({ race: value, sex: fc.constantFrom("F", "M", "X"), label: fc.boolean(), predicted: fc.boolean(), score: fc.constantFrom("0.1", "0.5", "0.50", "1e-1", "-0", "0", ".5", "3") });
  const field = (v: string) => (/[",\n\r]/.test(v) || v === "" ? `"${v.replaceAll('"', '""')}"` : v);

  it("for any table and any chunking", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 2, maxLength: 60 }).filter((rows) => new Set(rows.map((r) => r.race)).size > 1 && new Set(rows.map((r) => r.sex)).size > 1 && rows.some((r) => r.label)),
        fc.array(fc.nat(), { maxLength: 5 }),
        (rows, cuts) => {
          const text = ["score,sex,label,race,pred", ...rows.map((r) => [r.score, r.sex, r.label ? "pos" : "neg", field(r.race), r.predicted ? "pos" : "neg"].join(","))].join("\r\n");
          const bytes = new TextEncoder().encode(text);
          const points = [...new Set(cuts.map((k) => k % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks = [...points, bytes.length].map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1]!, end));
          const result = read(chunks, { label: "label", prediction: "pred", score: "score", sensitive: ["race", "sex"], positive: "pos", intersections: [["sex", "race"]] });

          const asRows = (group: (r: (typeof rows)[number]) => string) => rows.map((r) => ({ group: group(r), label: r.label, predicted: r.predicted }));
          expect(result.rows).toBe(rows.length);
          expect(result.attributes.race!.groups).toEqual(countRows(asRows((r) => r.race)));
          expect(result.attributes.sex!.groups).toEqual(countRows(asRows((r) => r.sex)));
          expect(result.intersections["sex*race"]!.groups).toEqual(countRows(asRows((r) => intersectionGroupKey([r.sex, r.race]))));
          expect(result.overall).toEqual(countRows(asRows(() => "all")).all);
          expect(result.scoreHistogram).toEqual(scoreHistogram(rows.map((r) => [Number(r.score), r.label])));
          expect(Object.keys(result.attributes.race!.groups)).toEqual(Object.keys(result.attributes.race!.groups).sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("PredictionsCsvReader: bad input, with the row, the column and the value", () => {
  const header = "y,yhat,race,sex";

  it.each<[string, string, TColumnMapping, ReturnType<typeof failure>]>([
    [
      "a misspelt column, with the closest header name",
      `${header}\n1,1,A,F\n`,
      { ...MAPPING, sensitive: ["rase", "sex"] },
      {
        code: "missing_column",
        message: 'The sensitive attribute column "rase" is not in the header (row 1). Did you mean "race"? The header has 4 columns: "y", "yhat", "race", "sex".',
        row: 1,
        column: "rase",
        value: null,
      },
    ],
    [
      "a column in the wrong case",
      `Label,yhat,race,sex\n1,1,A,F\n`,
      { ...MAPPING, label: "label" },
      {
        code: "missing_column",
        message: 'The true label column "label" is not in the header (row 1). Did you mean "Label"? The header has 4 columns: "Label", "yhat", "race", "sex".',
        row: 1,
        column: "label",
        value: null,
      },
    ],
    [
      "a column with nothing like it",
      `${header}\n1,1,A,F\n`,
      { ...MAPPING, score: "probability" },
      {
        code: "missing_column",
        message: 'The score column "probability" is not in the header (row 1). The header has 4 columns: "y", "yhat", "race", "sex".',
        row: 1,
        column: "probability",
        value: null,
      },
    ],
    [
      "a column named twice in the header",
      "y,yhat,race,sex,race\n1,1,A,F,B\n",
      MAPPING,
      {
        code: "ambiguous_column",
        message: 'The sensitive attribute column "race" appears more than once in the header (columns 3 and 5); rename one so the mapping is unambiguous.',
        row: 1,
        column: "race",
        value: null,
      },
    ],
    [
      "a ragged row",
      `${header}\n1,1,A,F\n0,1,B\n`,
      MAPPING,
      { code: "ragged_row", message: "Row 3 has 3 fields, but the header has 4.", row: 3, column: null, value: null },
    ],
    [
      "a row with one field too many",
      `${header}\n1,1,A,F\n\n0,1,B,M,extra\n`,
      MAPPING,
      { code: "ragged_row", message: "Row 4 has 5 fields, but the header has 4.", row: 4, column: null, value: null },
    ],
    [
      "a third label in the label column",
      `${header}\n1,1,A,F\n0,0,B,M\n2,1,A,M\n`,
      MAPPING,
      {
        code: "unexpected_label",
        message: 'Row 4, column "y": "2" is neither the positive label "1" nor the other label "0" seen so far; a binary evaluation allows only these two values.',
        row: 4,
        column: "y",
        value: "2",
      },
    ],
    [
      "a third label in the prediction column",
      `${header}\n1,1,A,F\n0,0.7,B,M\n`,
      MAPPING,
      {
        code: "unexpected_label",
        message: 'Row 3, column "yhat": "0.7" is neither the positive label "1" nor the other label "0" seen so far; a binary evaluation allows only these two values.',
        row: 3,
        column: "yhat",
        value: "0.7",
      },
    ],
    [
      "labels that do not include the positive label as written",
      `${header}\nno,no,A,F\nyes,no,B,M\n`,
      { ...MAPPING, positive: "Yes" },
      {
        code: "unexpected_label",
        message:
          'Row 3, column "y": "yes" is neither the positive label "Yes" nor the other label "no" seen so far; a binary evaluation allows only these two values. The positive label "Yes" has not occurred so far: is it written differently in the file?',
        row: 3,
        column: "y",
        value: "yes",
      },
    ],
    [
      "an empty label",
      `${header}\n1,1,A,F\n0,,B,M\n`,
      MAPPING,
      { code: "empty_label", message: 'Row 3, column "yhat": the value is empty; every row needs a true and a predicted label.', row: 3, column: "yhat", value: "" },
    ],
    [
      "a score that is not a number",
      "y,yhat,race,sex,p\n1,1,A,F,0.5\n0,0,B,M,high\n",
      { ...MAPPING, score: "p" },
      { code: "non_numeric_score", message: 'Row 3, column "p": "high" is not a number.', row: 3, column: "p", value: "high" },
    ],
    [
      "a score with a decimal comma",
      'y,yhat,race,sex,p\n1,1,A,F,"0,5"\n',
      { ...MAPPING, score: "p" },
      { code: "non_numeric_score", message: 'Row 2, column "p": "0,5" is not a number. Write decimals with a point (0.5), not a comma.', row: 2, column: "p", value: "0,5" },
    ],
    [
      "an empty score",
      "y,yhat,race,sex,p\n1,1,A,F,\n",
      { ...MAPPING, score: "p" },
      { code: "non_numeric_score", message: 'Row 2, column "p": "" is not a number.', row: 2, column: "p", value: "" },
    ],
    ["an empty file", "", MAPPING, { code: "empty_file", message: "The file is empty: it has neither a header row nor data rows.", row: null, column: null, value: null }],
    ["a file of blank lines", "\uFEFF\r\n\r\n", MAPPING, { code: "empty_file", message: "The file is empty: it has neither a header row nor data rows.", row: null, column: null, value: null }],
    ["a header only", `${header}\r\n`, MAPPING, { code: "header_only", message: "The file has a header row but no data rows.", row: 2, column: null, value: null }],
    [
      "a sensitive attribute with one group",
      `${header}\n1,1,A,F\n0,0,B,F\n1,0,A,F\n`,
      MAPPING,
      {
        code: "single_group",
        message: 'The sensitive attribute "sex" has one group only ("F", in all 3 rows); a fairness evaluation needs at least two groups to compare.',
        row: null,
        column: "sex",
        value: "F",
      },
    ],
    [
      "a positive label that never occurs as a true label",
      `${header}\n0,1,A,F\n0,0,B,M\n`,
      MAPPING,
      {
        code: "positive_label_absent",
        message: 'The positive label "1" never occurs in the true label column "y", which holds only "0". Name the positive label exactly as the file writes it.',
        row: null,
        column: "y",
        value: "1",
      },
    ],
  ])("%s", (_, text, mapping, expected) => {
    expect(failure(text, mapping)).toEqual(expected);
  });

  it("lists at most 20 header names", () => {
    const names = Array.from({ length: 25 }, (_, i) => `c${i}`);
    const { message } = failure(`${names.join(",")}\n${names.map(() => "1").join(",")}\n`, { ...MAPPING, label: "c0", prediction: "c1", sensitive: ["c2", "group"] });
    expect(message).toBe(`The sensitive attribute column "group" is not in the header (row 1). The header has 25 columns: ${names.slice(0, 20).map((n) => `"${n}"`).join(", ")} and 5 more.`);
  });

  it("stops past the distinct-score cap, while reading or at the end", () => {
    const scores = (n: number) => ["y,yhat,race,sex,p", ...Array.from({ length: n }, (_, i) => `${i % 2},1,${i % 3},${i % 2 ? "F" : "M"},${i}`)].join("\n");
    const message = "The score column has more than 50,000 distinct values, more than Attest keeps to compute ROC-AUC exactly. Round the scores (for example to 6 decimal places) and upload again.";
    // Counted by text until the 50,002nd distinct text (data row 50,002, row 50,003) exceeds the cap.
    expect(failure(scores(60_000), { ...MAPPING, score: "p" }, { maxDistinctScores: 50_000 })).toEqual({
      code: "too_many_scores",
      message: `By row 50003: ${message}`,
      row: 50003,
      column: "p",
      value: null,
    });
    // Past 65,536 texts the scores go to the histogram builder, whose last merge at the end exceeds the cap.
    expect(failure(scores(75_000), { ...MAPPING, score: "p" }, { maxDistinctScores: 70_000 })).toEqual({
      code: "too_many_scores",
      message: message.replace("50,000", "70,000"),
      row: null,
      column: "p",
      value: null,
    });
  });

  it("counts scores written differently as one score, whether counted by text or by value", () => {
    const text = (n: number) => ["y,yhat,race,sex,p", "1,1,A,F,0.5", "0,1,B,M,0.50", "1,0,A,M,5e-1", ...Array.from({ length: n }, (_, i) => `0,0,B,F,${i + 1}`)].join("\n");
    expect(read(text(0), { ...MAPPING, score: "p" }).scoreHistogram).toEqual({ scores: [0.5], positives: [2], negatives: [1] });
    const many = read(text(70_000), { ...MAPPING, score: "p" }).scoreHistogram!;
    expect(many.scores.length).toBe(70_001);
    expect([many.scores[0], many.positives[0], many.negatives[0]]).toEqual([0.5, 2, 1]);
    expect(many.negatives.reduce((a, b) => a + b, 0)).toBe(70_001);
  });

  it("reports the first problem: a ragged row before a bad label on a later row", () => {
    expect(failure(`${header}\n1,1,A\n7,1,A,F\n`).code).toBe("ragged_row");
  });
});

describe("the column mapping", () => {
  it.each<[string, TColumnMapping, string]>([
    ["the same label and prediction column", { ...MAPPING, prediction: "y" }, 'The true label and the predicted label must be different columns; both are "y".'],
    ["no sensitive attribute", { ...MAPPING, sensitive: [] }, "Name at least one sensitive attribute column."],
    ["an empty positive label", { ...MAPPING, positive: "" }, "Name the positive label."],
    ["a sensitive attribute listed twice", { ...MAPPING, sensitive: ["race", "race"] }, 'The sensitive attribute "race" is listed twice.'],
    ["the label as a sensitive attribute", { ...MAPPING, sensitive: ["race", "y"] }, 'The sensitive attribute "y" is also the true label column.'],
    ["the score as the label", { ...MAPPING, score: "y" }, 'The score column "y" is also the true label column.'],
    ["an intersection of one column", { ...MAPPING, intersections: [["race"]] }, "An intersection needs at least two columns."],
    ["an intersection with a non-sensitive column", { ...MAPPING, intersections: [["race", "age"]] }, 'The intersection "race*age" uses "age", which is not one of the sensitive attributes ("race", "sex").'],
    ["an intersection naming a column twice", { ...MAPPING, intersections: [["race", "race"]] }, 'The intersection "race*race" names a column twice.'],
    ["an intersection listed twice", { ...MAPPING, intersections: [["race", "sex"], ["race", "sex"]] }, 'The intersection "race*sex" is listed twice.'],
    [
      "a column with * in an intersection",
      { ...MAPPING, sensitive: ["a*b", "sex"], intersections: [["a*b", "sex"]] },
      'The column "a*b" contains "*", which separates the columns of an intersection; rename the column to use it in one.',
    ],
  ])("refuses %s", (_, mapping, message) => {
    expect(() => new PredictionsCsvReader(mapping)).toThrow(new PredictionsCsvError("invalid_mapping", message));
  });

  it("suggests the closest header name only when it is close", () => {
    expect(closestName("rase", ["race", "sex"])).toBe("race");
    expect(closestName("two year recid", ["two_year_recid", "id"])).toBe("two_year_recid");
    expect(closestName("SEX", ["race", "sex"])).toBe("sex");
    expect(closestName("prediction", ["pred", "label"])).toBeNull();
    expect(closestName("predicton", ["prediction", "label"])).toBe("prediction");
    expect(closestName("x", [])).toBeNull();
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("parseScore", () => {
  it.each([
    ["0.73", 0.73],
    ["1", 1],
    ["-1e-5", -1e-5],
    ["+2.5E3", 2500],
    [".5", 0.5],
    ["1.", 1],
    ["-0", -0],
    ["0.000000000000000000001", 1e-21],
    ["007", 7],
  ])("reads %j as %d", (text, value) => {
    expect(parseScore(text)).toBe(value);
  });

  it.each(["", " ", " 1", "1 ", "0x1A", "0b101", "0o17", "Infinity", "-Infinity", "NaN", "1e999", "1,5", "abc", "1_000", "--1", ".", "e5", "1e", "+"])("refuses %j", (text) => {
    expect(parseScore(text)).toBeNaN();
  });
});
