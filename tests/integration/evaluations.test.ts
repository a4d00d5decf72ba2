import { createHash, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluations, evaluationWaivers, modelMaintainers, modelVersions, type TEvaluation } from "@/db/schema";
import type { TEvaluationMetrics } from "@/lib/domain/fairness/evaluation";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/fairness/thresholds";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { Conflict, Forbidden, InvalidInput, NotFound, ServiceError, Unprocessable } from "@/lib/services/errors";
import { ingestPredictionsCsv, type IngestProgress } from "@/lib/services/evaluations/ingest-predictions";
import { evaluationOfVersion, evaluationStatus, evaluationsOfModel, evaluationsOfVersion } from "@/lib/services/evaluations/queries";
import { recordEvaluationCounts } from "@/lib/services/evaluations/record-counts";
import { setFairnessPolicy } from "@/lib/services/evaluations/set-fairness-policy";
import { waiveEvaluation } from "@/lib/services/evaluations/waive-evaluation";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { createUser } from "@/lib/services/users/create-user";
import { contextFor, databaseError, eventsSince, headSeq, rejection, rowCount, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

// ---------------------------------------------------------------------------------------------
// A predictions table built in the test, and its counts computed the obvious way.

type Cell = "TP" | "FP" | "TN" | "FN";
type Counts = { tp: number; fp: number; tn: number; fn: number };
type Row = { id: number; label: string; prediction: string; score: string; sex: string; age: string; note: string };

const POSITIVE = "approved";
const NEGATIVE = "declined";
const SEXES = ["F", "M"];
const AGES = ["18-25", "26-40", "41-65", "65+"];
const PER_GROUP = 80; // every sex × age group: 8 groups, 640 rows, all judged (≥ 30)

/** 20 rows' worth of confusion cells: n TP, FN, FP, TN in that order. */
const pattern = (tp: number, fn: number, fp: number, tn: number): Cell[] => [
  ...Array<Cell>(tp).fill("TP"),
  ...Array<Cell>(fn).fill("FN"),
  ...Array<Cell>(fp).fill("FP"),
  ...Array<Cell>(tn).fill("TN"),
];
/** Selection rate 0.40, TPR 0.75, FPR 2/12. */
const FAIR = pattern(6, 2, 2, 10);
/** Selection rate 0.35, TPR 0.75, FPR 1/12: demographic parity ratio 0.875, difference 0.05 against FAIR. */
const MILD = pattern(6, 2, 1, 11);
/** Selection rate 0.10: demographic parity ratio 0.25 against FAIR. */
const HARSH = pattern(2, 6, 0, 12);

/** mulberry32: the same table on every run and both databases. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRows(cellsOf: (sex: string, age: string) => Cell[], seed = 7): Row[] {
  const random = prng(seed);
  const rows: Row[] = [];
  for (const sex of SEXES) {
    for (const age of AGES) {
      const cells = cellsOf(sex, age);
      for (let i = 0; i < PER_GROUP; i++) {
        const cell = cells[i % cells.length]!;
        const positive = cell === "TP" || cell === "FN";
        const predicted = cell === "TP" || cell === "FP";
        // Two decimals: plenty of ties, which ROC-AUC counts as ½.
        const score = (Math.round((random() * 0.6 + (positive ? 0.35 : 0)) * 100) / 100).toFixed(2);
        const note = i % 9 === 0 ? 'said "fine", then left' : i % 5 === 0 ? "a, b" : "";
        rows.push({ id: 0, label: positive ? POSITIVE : NEGATIVE, prediction: predicted ? POSITIVE : NEGATIVE, score, sex, age, note });
      }
    }
  }
  // Shuffle (Fisher–Yates), so groups arrive interleaved as in a real file.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  rows.forEach((row, i) => (row.id = i + 1));
  return rows;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function toCsv(rows: Row[], { crlf = false, bom = false } = {}): Buffer {
  const eol = crlf ? "\r\n" : "\n";
  const lines = ["id,label,prediction,score,sex,age_band,note", ...rows.map((r) => [r.id, r.label, r.prediction, r.score, r.sex, r.age, r.note].map(String).map(csvField).join(","))];
  return Buffer.from((bom ? "\ufeff" : "") + lines.join(eol) + eol, "utf8");
}

function cellOf(row: Pick<Row, "label" | "prediction">): keyof Counts {
  const y = row.label === POSITIVE;
  const p = row.prediction === POSITIVE;
  return y ? (p ? "tp" : "fn") : p ? "fp" : "tn";
}

/** The counts, straightforwardly. */
function expectedCounts(rows: Row[]) {
  const empty = (): Counts => ({ tp: 0, fp: 0, tn: 0, fn: 0 });
  const overall = empty();
  const sex: Record<string, Counts> = {};
  const age: Record<string, Counts> = {};
  const both: Record<string, Counts> = {};
  for (const row of rows) {
    const cell = cellOf(row);
    overall[cell]++;
    (sex[row.sex] ??= empty())[cell]++;
    (age[row.age] ??= empty())[cell]++;
    (both[JSON.stringify([row.sex, row.age])] ??= empty())[cell]++;
  }
  return { overall, sex, age, both };
}

/** ROC-AUC by comparing every positive with every negative, ties counting ½. */
function bruteForceAuc(rows: Row[]): number {
  const positives = rows.filter((r) => r.label === POSITIVE).map((r) => Number(r.score));
  const negatives = rows.filter((r) => r.label !== POSITIVE).map((r) => Number(r.score));
  let wins = 0;
  for (const p of positives) for (const q of negatives) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** The bytes in chunks of odd sizes, cutting rows, quotes and CRLFs anywhere. */
async function* chunked(bytes: Uint8Array, sizes = [1, 7, 13, 64, 333, 1021, 2]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.slice(at, at + size);
    at += size;
    await Promise.resolve();
  }
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const MAPPING = { label: "label", prediction: "prediction", score: "score", sensitive: ["sex", "age_band"], positive: POSITIVE, intersections: [["sex", "age_band"]] };

/** Plain text in, split into odd chunks. */
const text = (value: string) => chunked(Buffer.from(value, "utf8"));

// ---------------------------------------------------------------------------------------------

forEachDatabase("evaluations", (t) => {
  let org: Organisation;
  let other: UserContext;
  let maintainer: UserContext;
  const CREDIT = { slug: "retail-credit-scoring", version: "2.3.0" };

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "other.owner@bank.eu", name: "Olga Other", roles: ["model_owner"], password: TEST_PASSWORD });
    await createUser(org.admin, { email: "maintainer@bank.eu", name: "Mia Maintainer", roles: ["model_owner"], password: TEST_PASSWORD });
    other = await contextFor(t.db, "other.owner@bank.eu");
    maintainer = await contextFor(t.db, "maintainer@bank.eu");
  });

  let counter = 0;
  /** A fresh model (owned by owner@attest.demo) with version 1.0.0: evaluations of one test stay apart. */
  async function freshVersion() {
    const model = await createModel(org.owner, { name: `Evaluation test ${++counter}` });
    await createModelVersion(org.owner, { slug: model.slug, version: "1.0.0" });
    return { model, slug: model.slug, version: "1.0.0" };
  }

  const ingest = (ctx: UserContext, target: { slug: string; version: string }, bytes: Uint8Array | AsyncIterable<Uint8Array>, extra: Record<string, unknown> = {}) =>
    ingestPredictionsCsv(ctx, { ...target, name: "holdout 2026-Q1", mapping: MAPPING, chunks: bytes instanceof Uint8Array ? chunked(bytes) : bytes, ...extra } as Parameters<typeof ingestPredictionsCsv>[1]);

  /** The call fails and nothing is stored: no evaluation, no waiver, no audit event. */
  async function expectNothingStored(action: () => Promise<unknown>) {
    const [seq, stored, waivers] = [await headSeq(t.db), await rowCount(t.db, evaluations), await rowCount(t.db, evaluationWaivers)];
    const error = await rejection(action());
    expect(await headSeq(t.db)).toBe(seq);
    expect(await rowCount(t.db, evaluations)).toBe(stored);
    expect(await rowCount(t.db, evaluationWaivers)).toBe(waivers);
    return error;
  }

  const storedRow = async (id: string): Promise<TEvaluation> => (await t.db.select().from(evaluations).where(eq(evaluations.id, id)))[0]!;

  describe("ingestPredictionsCsv", () => {
    it("streams a CSV in odd-sized chunks into counts, metrics and a judgement, hashed and audited", async () => {
      const target = await freshVersion();
      const rows = makeRows(() => FAIR);
      const bytes = toCsv(rows);
      const before = await headSeq(t.db);
      const progress: IngestProgress[] = [];
      const evaluation = await ingest(org.owner, target, bytes, { references: { sex: "M" }, latencyMs: 4.5, onProgress: (p: IngestProgress) => progress.push(p) });

      expect(evaluation).toMatchObject({ name: "holdout 2026-Q1", source: "csv", rows: 640, inputSha256: sha256(bytes), result: "pass", latencyMs: 4.5, createdBy: org.owner.actor.userId, createdByEmail: "owner@attest.demo" });
      expect(evaluation.thresholds).toEqual(DEFAULT_THRESHOLDS);
      expect(evaluation.judgement).toEqual({ status: "pass", failures: [] });
      expect(evaluation.mapping).toEqual({ ...MAPPING, references: { sex: "M" } });

      // The stored counts are what counting the rows by hand gives.
      const expected = expectedCounts(rows);
      const row = await storedRow(evaluation.id);
      const counts = row.counts as { overall: Counts; attributes: Record<string, { groups: Record<string, Counts> }>; intersections: Record<string, { groups: Record<string, Counts> }> };
      expect(counts.overall).toEqual(expected.overall);
      expect(counts.attributes.sex!.groups).toEqual(expected.sex);
      expect(counts.attributes.age_band!.groups).toEqual(expected.age);
      expect(Object.keys(counts.intersections)).toEqual(["sex*age_band"]);
      expect(counts.intersections["sex*age_band"]!.groups).toEqual(expected.both);
      expect(Object.keys(expected.both)).toHaveLength(8);

      // And so are the metrics computed from them.
      const metrics = row.metrics as TEvaluationMetrics;
      expect(metrics.overall.n).toBe(640);
      expect(metrics.overall.accuracy).toBeCloseTo((expected.overall.tp + expected.overall.tn) / 640, 12);
      expect(metrics.overall.rocAuc).toBeCloseTo(bruteForceAuc(rows), 12);
      for (const [value, c] of Object.entries(expected.sex)) {
        expect(metrics.attributes.sex!.groups[value]).toMatchObject({ ...c, n: c.tp + c.fp + c.tn + c.fn, selectionRate: (c.tp + c.fp) / (c.tp + c.fp + c.tn + c.fn), insufficientSample: false });
      }
      for (const [key, c] of Object.entries(expected.both)) expect(metrics.intersections["sex*age_band"]!.groups[key]).toMatchObject(c);
      expect(metrics.attributes.sex!.reference).toBe("M");
      expect(Object.keys(metrics.attributes.sex!.versusReference)).toEqual(["F"]);
      expect(metrics.attributes.sex!.demographicParityDifference).toBeCloseTo(0, 12);

      // Progress: every byte, the rows as they were counted.
      expect(progress.at(-1)!.bytes).toBe(bytes.length);
      expect(progress.every((p, i) => i === 0 || (p.bytes > progress[i - 1]!.bytes && p.rows >= progress[i - 1]!.rows))).toBe(true);
      expect(progress.at(-1)!.rows).toBeGreaterThan(600);

      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "evaluation.created", entityType: "evaluation", entityId: evaluation.id, actorEmail: "owner@attest.demo", requestId: "req-test" });
      expect(events[0]!.data).toEqual({ slug: target.slug, version: "1.0.0", name: "holdout 2026-Q1", source: "csv", inputSha256: sha256(bytes), rows: 640, result: "pass" });

      // What the API returns.
      const { model } = target;
      const [version] = await t.db.select().from(modelVersions).where(eq(modelVersions.modelId, model.id));
      const response = await evaluationOfVersion(t.db, version!.id, evaluation.id);
      expect(response).toMatchObject({ id: evaluation.id, name: "holdout 2026-Q1", rows: 640, inputSha256: sha256(bytes), status: "pass", thresholds: DEFAULT_THRESHOLDS, waiver: null });
      expect(response!.overall).toEqual(metrics.overall);
      expect(Object.keys(response!.attributes).sort()).toEqual(["age_band", "sex"]);
      expect((await evaluationsOfVersion(t.db, version!.id)).map((e) => e.id)).toEqual([evaluation.id]);
      expect((await evaluationsOfModel(t.db, model.id)).map((e) => [e.version, e.id])).toEqual([["1.0.0", evaluation.id]]);
    });

    it("reads a BOM, CRLF line ends and quoted fields the same way: same counts, the hash of the bytes sent", async () => {
      const target = await freshVersion();
      const rows = makeRows(() => FAIR, 11);
      const plain = await ingest(org.owner, target, toCsv(rows));
      const bytes = toCsv(rows, { crlf: true, bom: true });
      const windows = await ingest(org.owner, target, bytes);
      expect(windows.inputSha256).toBe(sha256(bytes));
      expect(windows.inputSha256).not.toBe(plain.inputSha256);
      expect((await storedRow(windows.id)).counts).toEqual((await storedRow(plain.id)).counts);
    });

    it("fails an evaluation whose groups differ beyond the default thresholds, naming attribute, metric and groups", async () => {
      const target = await freshVersion();
      const rows = makeRows((_sex, age) => (age === "65+" ? HARSH : FAIR));
      const evaluation = await ingest(org.owner, target, toCsv(rows));
      expect(evaluation.result).toBe("fail");
      const failures = (evaluation.judgement as { failures: { attribute: string; metric: string; value: number; groups: string[] }[] }).failures;
      const ratio = failures.find((f) => f.attribute === "age_band" && f.metric === "demographicParityRatio")!;
      expect(ratio.value).toBeCloseTo(0.1 / 0.4, 12);
      expect(ratio.groups).toEqual(["65+", "18-25"]);
      // Sex is balanced (every sex has the same age mix), so it is not among the failures.
      expect(failures.some((f) => f.attribute === "sex")).toBe(false);
      expect(failures.some((f) => f.attribute === "sex*age_band")).toBe(true);
    });

    it("lets maintainers upload, and refuses other owners, officers, auditors, admins and a token without the scope", async () => {
      const target = await freshVersion();
      await t.db.insert(modelMaintainers).values({ modelId: target.model.id, userId: maintainer.actor.userId });
      const bytes = toCsv(makeRows(() => FAIR));
      expect((await ingest(maintainer, target, bytes)).createdByEmail).toBe("maintainer@bank.eu");
      for (const ctx of [other, org.officer, org.auditor, org.admin]) {
        expect(await expectNothingStored(() => ingest(ctx, target, bytes)), ctx.actor.email).toBeInstanceOf(Forbidden);
      }
      const readOnly: UserContext = { ...org.owner, actor: { ...org.owner.actor, token: { id: randomUUID(), scopes: ["models:read"] } } };
      expect(await expectNothingStored(() => ingest(readOnly, target, bytes))).toBeInstanceOf(Forbidden);
      const writer: UserContext = { ...org.owner, actor: { ...org.owner.actor, token: { id: randomUUID(), scopes: ["evaluations:write"] } } };
      expect((await ingest(writer, target, bytes)).result).toBe("pass");
    });

    it("refuses an unknown model or version (404) and a retired version (409)", async () => {
      const bytes = toCsv(makeRows(() => FAIR));
      expect(await expectNothingStored(() => ingest(org.owner, { slug: "no-such-model", version: "1.0.0" }, bytes))).toBeInstanceOf(NotFound);
      expect(await expectNothingStored(() => ingest(org.owner, { ...CREDIT, version: "9.9.9" }, bytes))).toBeInstanceOf(NotFound);
      const target = await freshVersion();
      await t.db.update(modelVersions).set({ stage: "retired" }).where(eq(modelVersions.modelId, target.model.id));
      expect(await expectNothingStored(() => ingest(org.owner, target, bytes))).toBeInstanceOf(Conflict);
    });

    describe("bad input: a clear error and nothing stored", () => {
      let target: { slug: string; version: string };
      beforeAll(async () => {
        target = await freshVersion();
      });

      /** The 422 for a file, with its details. */
      async function unprocessable(body: string | Uint8Array, mapping: Record<string, unknown> = MAPPING, references: Record<string, string> = {}) {
        const chunks = typeof body === "string" ? text(body) : chunked(body);
        const error = await expectNothingStored(() => ingestPredictionsCsv(org.owner, { ...target, name: "bad", mapping: mapping as typeof MAPPING, references, chunks }));
        expect(error).toBeInstanceOf(Unprocessable);
        expect(error.status).toBe(422);
        return { message: error.message, details: error.details as { code: string; row: number | null; column: string | null; value: string | null } };
      }

      const HEADER = "id,label,prediction,score,sex,age_band,note";
      /** A valid file with one line replaced (data line i is row i + 2). */
      const withLine = (index: number, line: string) => {
        const lines = toCsv(makeRows(() => FAIR)).toString("utf8").split("\n");
        lines[index + 1] = line;
        return lines.join("\n");
      };

      it("a misspelt column: names it, its row and the closest header name", async () => {
        const { message, details } = await unprocessable(toCsv(makeRows(() => FAIR)), { ...MAPPING, label: "lable" });
        expect(details).toEqual({ code: "missing_column", row: 1, column: "lable", value: null });
        expect(message).toContain('"lable"');
        expect(message).toContain('Did you mean "label"?');
        const sensitive = await unprocessable(toCsv(makeRows(() => FAIR)), { ...MAPPING, sensitive: ["sex", "Age Band"], intersections: [] });
        expect(sensitive.details).toMatchObject({ code: "missing_column", column: "Age Band" });
        expect(sensitive.message).toContain('Did you mean "age_band"?');
      });

      it("a missing column with nothing close: names it and lists the header", async () => {
        const { message, details } = await unprocessable(toCsv(makeRows(() => FAIR)), { ...MAPPING, score: "probability_of_default" });
        expect(details).toMatchObject({ code: "missing_column", row: 1, column: "probability_of_default" });
        expect(message).not.toContain("Did you mean");
        expect(message).toContain('"sex"');
      });

      it("a label value that is neither of the two labels: row, column and value", async () => {
        const { message, details } = await unprocessable(withLine(99, "100,maybe,approved,0.5,F,18-25,"));
        expect(details).toEqual({ code: "unexpected_label", row: 101, column: "label", value: "maybe" });
        expect(message).toContain("Row 101");
        expect(message).toContain('"maybe"');
        const predicted = await unprocessable(withLine(50, "51,approved,APPROVED,0.5,F,18-25,"));
        expect(predicted.details).toEqual({ code: "unexpected_label", row: 52, column: "prediction", value: "APPROVED" });
      });

      it("an empty file, and a file of empty chunks", async () => {
        expect((await unprocessable("")).details).toMatchObject({ code: "empty_file" });
        const empties = async function* () {
          yield new Uint8Array(0);
          yield new Uint8Array(0);
        };
        const error = await expectNothingStored(() => ingestPredictionsCsv(org.owner, { ...target, name: "bad", mapping: MAPPING, chunks: empties() }));
        expect(error).toBeInstanceOf(Unprocessable);
        expect((error.details as { code: string }).code).toBe("empty_file");
      });

      it("a header only", async () => {
        const { message, details } = await unprocessable(`${HEADER}\n`);
        expect(details).toEqual({ code: "header_only", row: 2, column: null, value: null });
        expect(message).toMatch(/header row but no data rows/);
        expect((await unprocessable(`${HEADER}\r\n\r\n`)).details).toMatchObject({ code: "header_only" });
      });

      it("a ragged row: its row, and the field counts", async () => {
        const { message, details } = await unprocessable(withLine(41, "42,approved,approved,0.5,F,18-25"));
        expect(details).toMatchObject({ code: "ragged_row", row: 43 });
        expect(message).toBe("Row 43 has 6 fields, but the header has 7.");
        expect((await unprocessable(withLine(3, "4,approved,approved,0.5,F,18-25,,extra"))).details).toMatchObject({ code: "ragged_row", row: 5 });
      });

      it("a sensitive attribute with one group only", async () => {
        const rows = makeRows(() => FAIR).map((r) => ({ ...r, sex: "F" }));
        const { message, details } = await unprocessable(toCsv(rows));
        expect(details).toEqual({ code: "single_group", row: null, column: "sex", value: "F" });
        expect(message).toContain("one group only");
      });

      it("a positive label that never occurs", async () => {
        // The label column holds one value only: the positive label is absent.
        const rows = makeRows(() => FAIR).map((r) => ({ ...r, label: NEGATIVE }));
        const { message, details } = await unprocessable(toCsv(rows));
        expect(details).toEqual({ code: "positive_label_absent", row: null, column: "label", value: POSITIVE });
        expect(message).toContain(`"${POSITIVE}" never occurs`);
        // Written differently in the file: the second distinct value is refused, with a hint.
        const other = await unprocessable(toCsv(makeRows(() => FAIR)), { ...MAPPING, positive: "Approved" });
        expect(other.details).toMatchObject({ code: "unexpected_label" });
        expect(["label", "prediction"]).toContain(other.details.column);
        expect(other.message).toContain("has not occurred so far");
      });

      it("a reference group the data does not have", async () => {
        const { message } = await unprocessable(toCsv(makeRows(() => FAIR)), MAPPING, { sex: "X" });
        expect(message).toContain('"X"');
      });

      it("a score that is not a number", async () => {
        const { details } = await unprocessable(withLine(9, "10,approved,approved,0;7,F,18-25,"));
        expect(details).toEqual({ code: "non_numeric_score", row: 11, column: "score", value: "0;7" });
      });

      it("a file over the size limit: 413, and reading stops there", async () => {
        const bytes = toCsv(makeRows(() => FAIR));
        let read = 0;
        const counted = async function* () {
          for await (const chunk of chunked(bytes, [100])) {
            read += chunk.length;
            yield chunk;
          }
        };
        const error = await expectNothingStored(() => ingestPredictionsCsv(org.owner, { ...target, name: "big", mapping: MAPPING, chunks: counted(), maxBytes: 1000 }));
        expect(error).toBeInstanceOf(ServiceError);
        expect(error.status).toBe(413);
        expect(error.code).toBe("payload_too_large");
        expect(read).toBe(1100);
        // Exactly at the limit is allowed.
        const exact = await ingestPredictionsCsv(org.owner, { ...target, name: "exact", mapping: MAPPING, chunks: chunked(bytes), maxBytes: bytes.length });
        expect(exact.rows).toBe(640);
      });

      it("a mapping without a label column, or otherwise incomplete, is a 400 before anything is read", async () => {
        const { label: _label, ...withoutLabel } = MAPPING;
        for (const mapping of [withoutLabel, { ...MAPPING, label: "" }, { ...MAPPING, sensitive: [] }, { ...MAPPING, positive: "" }]) {
          const error = await expectNothingStored(() => ingestPredictionsCsv(org.owner, { ...target, name: "bad", mapping: mapping as typeof MAPPING, chunks: chunked(toCsv(makeRows(() => FAIR))) }));
          expect(error).toBeInstanceOf(InvalidInput);
          expect(error.status).toBe(400);
          expect(Object.keys((error.details as { fields: object }).fields)[0]).toMatch(/^mapping\./);
        }
        const unnamed = await expectNothingStored(() => ingestPredictionsCsv(org.owner, { ...target, name: " ", mapping: MAPPING, chunks: chunked(toCsv(makeRows(() => FAIR))) }));
        expect(unnamed).toBeInstanceOf(InvalidInput);
      });

      it("a mapping that contradicts itself is a 422 naming the columns", async () => {
        const { message, details } = await unprocessable(toCsv(makeRows(() => FAIR)), { ...MAPPING, prediction: "label" });
        expect(details.code).toBe("invalid_mapping");
        expect(message).toContain('"label"');
      });
    });
  });

  describe("fairness thresholds per risk tier", () => {
    it("apply to new evaluations of that tier, and earlier evaluations keep the thresholds they were judged with", async () => {
      const bytes = toCsv(makeRows((sex) => (sex === "F" ? MILD : FAIR)));
      // Unclassified models are judged like high-risk ones; the fraud model's answers make it minimal.
      const unclassified = await freshVersion();
      const minimal = await freshVersion();
      const proposal = await proposeClassification(org.owner, { slug: minimal.slug, rulesetVersion: RULESET_VERSION, answers: { role: "provider" } });
      expect((await confirmClassification(org.officer, { classificationId: proposal.id })).finalTier).toBe("minimal");

      const earlier = await ingest(org.owner, unclassified, bytes);
      expect(earlier.result).toBe("pass"); // ratio 0.875 ≥ 0.8 by default

      const before = await headSeq(t.db);
      const strict = { ...DEFAULT_THRESHOLDS, minDemographicParityRatio: 0.9 };
      const lenient = { ...DEFAULT_THRESHOLDS, minDemographicParityRatio: 0.7, minGroupSize: 50 };
      await setFairnessPolicy(org.admin, { high: { minDemographicParityRatio: 0.9 }, minimal: { minDemographicParityRatio: 0.7, minGroupSize: 50 } });
      const events = await eventsSince(t.db, before);
      expect(events.map((e) => e.action)).toEqual(["policy.fairness_thresholds_changed"]);
      expect(events[0]!.data).toEqual({ before: null, after: { high: strict, minimal: lenient } });

      const later = await ingest(org.owner, unclassified, bytes);
      expect(later.thresholds).toEqual(strict);
      expect(later.result).toBe("fail");
      const failures = (later.judgement as { failures: { attribute: string; metric: string }[] }).failures;
      expect(failures).toContainEqual(expect.objectContaining({ attribute: "sex", metric: "demographicParityRatio" }));
      const ofMinimal = await ingest(org.owner, minimal, bytes);
      expect(ofMinimal.thresholds).toEqual(lenient);
      expect(ofMinimal.result).toBe("pass");

      // The earlier one is unchanged, in the database and in the API.
      expect(await storedRow(earlier.id)).toMatchObject({ thresholds: DEFAULT_THRESHOLDS, result: "pass" });
      const [version] = await t.db.select().from(modelVersions).where(eq(modelVersions.id, earlier.versionId));
      expect(await evaluationOfVersion(t.db, version!.id, earlier.id)).toMatchObject({ status: "pass", thresholds: DEFAULT_THRESHOLDS });

      // Only admins set policy; bad thresholds are a 400.
      for (const ctx of [org.owner, org.officer, org.auditor]) expect(await rejection(setFairnessPolicy(ctx, { high: {} }))).toBeInstanceOf(Forbidden);
      expect(await rejection(setFairnessPolicy(org.admin, { high: { minDemographicParityRatio: 1.5 } }))).toBeInstanceOf(InvalidInput);
      expect(await rejection(setFairnessPolicy(org.admin, { extreme: {} }))).toBeInstanceOf(InvalidInput);
      // Back to the defaults for the rest of the suite.
      await setFairnessPolicy(org.admin, {});
    });
  });

  describe("recordEvaluationCounts", () => {
    const groups = {
      F: { tp: 30, fp: 10, tn: 50, fn: 10 },
      M: { tp: 32, fp: 9, tn: 49, fn: 10 },
    };
    const overall = { tp: 62, fp: 19, tn: 99, fn: 20 };

    it("records counts a pipeline computed, judged and audited, hashed canonically", async () => {
      const target = await freshVersion();
      const before = await headSeq(t.db);
      const evaluation = await recordEvaluationCounts(org.owner, { ...target, name: "pipeline counts", overall, attributes: { sex: { groups } }, latencyMs: 12 });
      expect(evaluation).toMatchObject({ source: "counts", rows: 200, result: "pass", latencyMs: 12, thresholds: DEFAULT_THRESHOLDS });
      expect(evaluation.inputSha256).toMatch(/^[0-9a-f]{64}$/);
      expect((evaluation.metrics as TEvaluationMetrics).attributes.sex!.groups.F).toMatchObject({ ...groups.F, n: 100, selectionRate: 0.4 });
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "evaluation.created", entityId: evaluation.id, data: { source: "counts", rows: 200, result: "pass", inputSha256: evaluation.inputSha256 } });
      // The same counts in another key order hash the same.
      const again = await recordEvaluationCounts(org.owner, { ...target, name: "again", attributes: { sex: { groups: { M: groups.M, F: groups.F } } }, overall: { fn: 20, tn: 99, fp: 19, tp: 62 }, latencyMs: 12 });
      expect(again.inputSha256).toBe(evaluation.inputSha256);
    });

    it("refuses counts whose groups do not add up to the overall counts (422), and other bad counts (400)", async () => {
      const target = await freshVersion();
      const error = await expectNothingStored(() => recordEvaluationCounts(org.owner, { ...target, name: "bad", overall: { ...overall, tp: 63 }, attributes: { sex: { groups } } }));
      expect(error).toBeInstanceOf(Unprocessable);
      expect(error.message).toContain('"sex"');
      expect(error.message).toMatch(/do not add up/);
      for (const bad of [
        { overall: { ...overall, tp: -1 }, attributes: { sex: { groups } } },
        { overall: { ...overall, tp: 1.5 }, attributes: { sex: { groups } } },
        { overall, attributes: { sex: { groups: { F: { ...groups.F, extra: 1 } } } } },
        { overall },
      ]) {
        expect(await expectNothingStored(() => recordEvaluationCounts(org.owner, { ...target, name: "bad", ...(bad as { overall: typeof overall; attributes: Record<string, { groups: typeof groups }> }) }))).toBeInstanceOf(InvalidInput);
      }
      expect(await expectNothingStored(() => recordEvaluationCounts(other, { ...target, name: "x", overall, attributes: { sex: { groups } } }))).toBeInstanceOf(Forbidden);
    });

    it("refuses what a file would be refused for: no attribute (400), one group, no rows, no positives (422)", async () => {
      const target = await freshVersion();
      const none = await expectNothingStored(() => recordEvaluationCounts(org.owner, { ...target, name: "none", overall, attributes: {} }));
      expect(none).toBeInstanceOf(InvalidInput);
      expect(Object.keys((none.details as { fields: object }).fields)).toEqual(["attributes"]);
      const single = await expectNothingStored(() => recordEvaluationCounts(org.owner, { ...target, name: "single", overall, attributes: { sex: { groups: { F: overall } } } }));
      expect(single).toBeInstanceOf(Unprocessable);
      expect(single.details).toEqual({ code: "single_group", column: "sex", value: "F" });
      const zero = { tp: 0, fp: 0, tn: 0, fn: 0 };
      const empty = await expectNothingStored(() => recordEvaluationCounts(org.owner, { ...target, name: "empty", overall: zero, attributes: { sex: { groups: { F: zero, M: zero } } } }));
      expect(empty).toBeInstanceOf(Unprocessable);
      const negatives = { tp: 0, fp: 5, tn: 95, fn: 0 };
      const noPositives = await expectNothingStored(() => recordEvaluationCounts(org.owner, { ...target, name: "no positives", overall: negatives, attributes: { sex: { groups: { F: negatives, M: zero } } } }));
      expect(noPositives).toBeInstanceOf(Unprocessable);
      expect((noPositives.details as { code: string }).code).toBe("positive_label_absent");
    });
  });

  describe("waiveEvaluation", () => {
    let failing: TEvaluation;
    let passing: TEvaluation;
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
    const JUSTIFICATION = "Accepted until the retrained model ships; the 65+ band is routed to manual review meanwhile.";

    beforeAll(async () => {
      const target = await freshVersion();
      failing = await ingest(org.owner, target, toCsv(makeRows((_sex, age) => (age === "65+" ? HARSH : FAIR))));
      passing = await ingest(org.owner, target, toCsv(makeRows(() => FAIR)));
      expect([failing.result, passing.result]).toEqual(["fail", "pass"]);
    });

    it("refuses anyone but a compliance officer", async () => {
      for (const ctx of [org.owner, org.auditor, org.admin]) {
        expect(await expectNothingStored(() => waiveEvaluation(ctx, { evaluationId: failing.id, justification: JUSTIFICATION, expiresAt: inDays(90) }))).toBeInstanceOf(Forbidden);
      }
    });

    it("refuses a passing evaluation (409), an unknown one (404), a short justification and a bad expiry (400)", async () => {
      expect(await expectNothingStored(() => waiveEvaluation(org.officer, { evaluationId: passing.id, justification: JUSTIFICATION, expiresAt: inDays(90) }))).toBeInstanceOf(Conflict);
      expect(await expectNothingStored(() => waiveEvaluation(org.officer, { evaluationId: "00000000-0000-4000-8000-000000000000", justification: JUSTIFICATION, expiresAt: inDays(90) }))).toBeInstanceOf(NotFound);
      const short = await expectNothingStored(() => waiveEvaluation(org.officer, { evaluationId: failing.id, justification: "   fine by me, ok   ", expiresAt: inDays(90) }));
      expect(short).toBeInstanceOf(InvalidInput);
      expect(Object.keys((short.details as { fields: object }).fields)).toEqual(["justification"]);
      for (const expiresAt of [inDays(-1), new Date(Date.now() - 1000), inDays(2 * 365 + 2), "not a date"]) {
        const error = await expectNothingStored(() => waiveEvaluation(org.officer, { evaluationId: failing.id, justification: JUSTIFICATION, expiresAt: expiresAt as Date }));
        expect(error, String(expiresAt)).toBeInstanceOf(InvalidInput);
        expect(Object.keys((error.details as { fields: object }).fields)).toEqual(["expiresAt"]);
      }
    });

    it("waives a failing evaluation until its expiry, audited; the status is waived while it lasts and fail after", async () => {
      const expiresAt = inDays(180);
      const before = await headSeq(t.db);
      const waiver = await waiveEvaluation(org.officer, { evaluationId: failing.id, justification: `  ${JUSTIFICATION}  `, expiresAt });
      expect(waiver).toMatchObject({ evaluationId: failing.id, justification: JUSTIFICATION, expiresAt, waivedBy: org.officer.actor.userId, waivedByEmail: "officer@attest.demo" });
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "evaluation.waived", entityType: "evaluation", entityId: failing.id, actorEmail: "officer@attest.demo" });
      expect(events[0]!.data).toMatchObject({ name: failing.name, justification: JUSTIFICATION, expiresAt: expiresAt.toISOString() });

      const response = await evaluationOfVersion(t.db, failing.versionId, failing.id);
      expect(response).toMatchObject({ status: "waived", waiver: { justification: JUSTIFICATION, expiresAt: expiresAt.toISOString(), waivedBy: "officer@attest.demo", active: true } });
      // The judged result itself stays "fail".
      expect((await storedRow(failing.id)).result).toBe("fail");

      // Lapsing: judged against a clock after the expiry.
      expect(evaluationStatus("fail", waiver, new Date(expiresAt.getTime() - 1))).toBe("waived");
      expect(evaluationStatus("fail", waiver, expiresAt)).toBe("fail");
      expect(evaluationStatus("fail", waiver, inDays(365))).toBe("fail");
      expect(evaluationStatus("fail", null)).toBe("fail");
      expect(evaluationStatus("pass", null)).toBe("pass");

      // A renewal is a new waiver; the latest one counts.
      const renewal = inDays(400);
      await waiveEvaluation(org.officer, { evaluationId: failing.id, justification: JUSTIFICATION, expiresAt: renewal });
      expect((await evaluationOfVersion(t.db, failing.versionId, failing.id))!.waiver!.expiresAt).toBe(renewal.toISOString());
    });
  });

  describe("immutability", () => {
    it("the database refuses UPDATE and DELETE of evaluations and waivers", async () => {
      const target = await freshVersion();
      const evaluation = await ingest(org.owner, target, toCsv(makeRows((_sex, age) => (age === "65+" ? HARSH : FAIR))));
      await waiveEvaluation(org.officer, { evaluationId: evaluation.id, justification: "Accepted for one quarter while we retrain.", expiresAt: new Date(Date.now() + 86_400_000) });
      for (const [table, statement] of [
        ["evaluations", sql`UPDATE evaluations SET result = 'pass' WHERE id = ${evaluation.id}`],
        ["evaluations", sql`DELETE FROM evaluations WHERE id = ${evaluation.id}`],
        ["evaluation_waivers", sql`UPDATE evaluation_waivers SET expires_at = now() + interval '10 years' WHERE evaluation_id = ${evaluation.id}`],
        ["evaluation_waivers", sql`DELETE FROM evaluation_waivers WHERE evaluation_id = ${evaluation.id}`],
      ] as const) {
        const error = databaseError(await rejection(t.db.execute(statement)));
        expect(error.code).toBe("42501");
        expect(error.message).toMatch(new RegExp(`${table} rows are immutable: (UPDATE|DELETE) is not allowed`));
      }
      expect((await storedRow(evaluation.id)).result).toBe("fail");
      expect(await t.db.select().from(evaluationWaivers).where(eq(evaluationWaivers.evaluationId, evaluation.id))).toHaveLength(1);
    });
  });
});
