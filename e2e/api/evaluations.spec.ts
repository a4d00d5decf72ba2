import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { asRole, auditHeadSeq, BASE_URL, withToken } from "../support/api";

/**
 * Issue 5's upload contract over real HTTP against the production build: a pipeline's token
 * posts a predictions CSV with the query string pipelines depend on and gets the evaluation in
 * the documented shape; every bad input gets its status and stores nothing.
 */

const stamp = Date.now().toString(36);
const RACES = ["Black", "White", "Asian"];
const SEXES = ["Female", "Male"];

/** A 600-row predictions table (every race × sex group has 100 rows), deterministic. */
function predictionsCsv({ crlf = false } = {}): string {
  const lines = ["id,label,prediction,score,race,sex"];
  let id = 0;
  for (const race of RACES) {
    for (const sex of SEXES) {
      for (let i = 0; i < 100; i++) {
        const label = i % 5 < 2 ? 1 : 0; // base rate 0.4
        // White applicants are selected a little more often: a visible disparity.
        const prediction = label === 1 ? (i % 10 === 0 ? 0 : 1) : i % (race === "White" ? 6 : 9) === 0 ? 1 : 0;
        const score = ((label ? 0.55 : 0.2) + ((i * 37) % 40) / 100).toFixed(2);
        lines.push([++id, label, prediction, score, race, sex].join(","));
      }
    }
  }
  return lines.join(crlf ? "\r\n" : "\n") + "\n";
}

const QUERY = "name=holdout%202026-Q1&label=label&prediction=prediction&score=score&sensitive=race,sex&positive=1&reference=race:White&intersections=race*sex";

const GROUP_KEYS = ["n", "tp", "fp", "tn", "fn", "selectionRate", "baseRate", "accuracy", "precision", "tpr", "fpr", "fnr", "insufficientSample", "ci"];
const PROPORTIONS = ["selectionRate", "baseRate", "accuracy", "precision", "tpr", "fpr", "fnr"];
const DISPARITIES = ["demographicParityDifference", "demographicParityRatio", "equalOpportunityDifference", "equalizedOddsDifference", "equalizedOddsRatio"];
const VERSUS = ["disparateImpact", "statisticalParityDifference", "equalOpportunityDifference", "averageOddsDifference"];

// Response JSON: checked key by key below, so loosely typed here.
type Json = Record<string, any>;

/** An attribute's or intersection's JSON, key by key, as the contract lists them. */
function expectAttributeShape(attribute: Json, groups: string[], reference: string | null) {
  expect(Object.keys(attribute.groups).sort()).toEqual([...groups].sort());
  for (const group of groups) {
    const g = attribute.groups[group];
    expect(Object.keys(g).sort(), group).toEqual([...GROUP_KEYS].sort());
    expect(g.n).toBe(g.tp + g.fp + g.tn + g.fn);
    expect(typeof g.insufficientSample).toBe("boolean");
    expect(Object.keys(g.ci).sort()).toEqual([...PROPORTIONS].sort());
    for (const metric of PROPORTIONS) {
      const interval = g.ci[metric];
      if (g[metric] === null) continue;
      expect(interval, `${group} ${metric}`).toHaveLength(2);
      expect(interval[0]).toBeLessThanOrEqual(g[metric]);
      expect(interval[1]).toBeGreaterThanOrEqual(g[metric]);
    }
  }
  for (const key of DISPARITIES) expect(attribute, key).toHaveProperty(key);
  expect(Object.keys(attribute.toOverall).sort()).toEqual([...DISPARITIES].sort());
  expect(attribute.reference).toBe(reference);
  const others = reference === null ? [] : groups.filter((g) => g !== reference);
  expect(Object.keys(attribute.versusReference).sort()).toEqual(others.sort());
  for (const group of others) expect(Object.keys(attribute.versusReference[group]).sort()).toEqual([...VERSUS].sort());
  expect(Object.keys(attribute.fourFifths).sort()).toEqual(["failingGroups", "highestGroup", "passes"]);
  expect(Array.isArray(attribute.fourFifths.failingGroups)).toBe(true);
  expect(Array.isArray(attribute.judgedGroups)).toBe(true);
}

/** The whole evaluation JSON of the upload's answer, GET by id and each item of GET list. */
function expectEvaluationShape(evaluation: Json) {
  for (const key of ["id", "name", "rows", "inputSha256", "status", "thresholds", "overall", "attributes", "intersections"]) expect(evaluation, key).toHaveProperty(key);
  expect(["pass", "fail", "waived"]).toContain(evaluation.status);
  expect(Object.keys(evaluation.overall).sort()).toEqual(["accuracy", "baseRate", "f1", "n", "precision", "recall", "rocAuc", "selectionRate"]);
  expect(Object.keys(evaluation.attributes).sort()).toEqual(["race", "sex"]);
  expectAttributeShape(evaluation.attributes.race, RACES, "White");
  expectAttributeShape(evaluation.attributes.sex, SEXES, null);
  expect(Object.keys(evaluation.intersections)).toEqual(["race*sex"]);
  const pairs = RACES.flatMap((race) => SEXES.map((sex) => JSON.stringify([race, sex])));
  expectAttributeShape(evaluation.intersections["race*sex"], pairs, null);
}

let auditor: APIRequestContext;
let pipeline: APIRequestContext; // owner@attest.demo's token: evaluations:write + models:read
let readOnly: APIRequestContext; // owner@attest.demo's token: models:read only
let pipelineSecret = "";
let base = "";

test.beforeAll(async () => {
  auditor = await asRole("auditor");
  const admin = await asRole("admin");
  const owner = await asRole("model_owner");
  // A model of its own, so other specs' uploads do not mix into the lists here.
  const model = await owner.post("/api/v1/models", { data: { name: `Evaluation API ${stamp}` } });
  expect(model.status()).toBe(201);
  const { slug } = (await model.json()) as { slug: string };
  expect((await owner.post(`/api/v1/models/${slug}/versions`, { data: { version: "1.0.0" } })).status()).toBe(201);
  base = `/api/v1/models/${slug}/versions/1.0.0/evaluations`;
  const token = async (scopes: string[]) => {
    const res = await admin.post("/api/v1/admin/tokens", { data: { ownerEmail: "owner@attest.demo", name: `evaluations ${scopes.join(" ")} ${stamp}`, scopes } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { secret: string }).secret;
  };
  pipelineSecret = await token(["evaluations:write", "models:read"]);
  pipeline = await withToken(pipelineSecret);
  readOnly = await withToken(await token(["models:read"]));
});

const listIds = async () => (((await (await pipeline.get(base)).json()) as { evaluations: { id: string }[] }).evaluations).map((e) => e.id);

/** The request is refused with `status` and leaves no evaluation and no audit event. */
async function expectRefused(send: () => Promise<{ status(): number; json(): Promise<unknown> }>, status: number) {
  const [seq, ids] = [await auditHeadSeq(auditor), await listIds()];
  const res = await send();
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; details?: Json } };
  expect(await listIds()).toEqual(ids);
  // A token's write attempt may be audited as token use; no evaluation event may appear.
  const events = ((await (await auditor.get(`/api/v1/audit/events?afterSeq=${seq}`)).json()) as { events: { action: string }[] }).events;
  expect(events.map((e) => e.action)).not.toContain("evaluation.created");
  return body.error;
}

test("a pipeline posts a predictions CSV with the contract's query and gets the evaluation; GET list and GET by id agree", async () => {
  const csv = predictionsCsv();
  const before = await auditHeadSeq(auditor);
  const res = await pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/csv" }, data: csv });
  expect(res.status()).toBe(201);
  const evaluation = (await res.json()) as Json;
  expectEvaluationShape(evaluation);
  expect(evaluation).toMatchObject({ name: "holdout 2026-Q1", rows: 600, inputSha256: createHash("sha256").update(csv).digest("hex") });
  expect(evaluation.thresholds).toEqual({ minDemographicParityRatio: 0.8, maxDemographicParityDifference: 0.1, maxEqualOpportunityDifference: 0.1, maxEqualizedOddsDifference: 0.1, minGroupSize: 30 });
  expect(evaluation.overall.n).toBe(600);
  expect(evaluation.overall.rocAuc).toBeGreaterThan(0.5);
  expect(evaluation.attributes.race.groups.White.n).toBe(200);
  expect(evaluation.intersections["race*sex"].groups['["White","Male"]'].n).toBe(100);

  const byId = await pipeline.get(`${base}/${evaluation.id}`);
  expect(byId.status()).toBe(200);
  const one = (await byId.json()) as Json;
  expectEvaluationShape(one);
  expect(one).toEqual(evaluation);

  const list = await pipeline.get(base);
  expect(list.status()).toBe(200);
  const { evaluations } = (await list.json()) as { evaluations: Json[] };
  expect(evaluations.map((e) => e.id)).toContain(evaluation.id);
  for (const item of evaluations) expectEvaluationShape(item);
  expect(evaluations.find((e) => e.id === evaluation.id)).toEqual(evaluation);

  const events = ((await (await auditor.get(`/api/v1/audit/events?afterSeq=${before}`)).json()) as { events: Json[] }).events;
  expect(events.filter((e) => e.action === "evaluation.created")).toEqual([
    expect.objectContaining({ entityId: evaluation.id, actorEmail: "owner@attest.demo", data: expect.objectContaining({ source: "csv", rows: 600, inputSha256: evaluation.inputSha256 }) }),
  ]);
  expect((await pipeline.get(`${base}/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
});

test("TSV with CRLF line ends is read the same way", async () => {
  const csv = predictionsCsv({ crlf: true }).replaceAll(",", "\t");
  const res = await pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/tab-separated-values" }, data: csv });
  expect(res.status()).toBe(201);
  const evaluation = (await res.json()) as Json;
  expect(evaluation.rows).toBe(600);
  expect(evaluation.attributes.race.groups.White.n).toBe(200);
});

test("with Accept: application/x-ndjson the answer streams progress lines and ends with the result", async () => {
  const res = await pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/csv", Accept: "application/x-ndjson" }, data: predictionsCsv() });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/x-ndjson/);
  const lines = (await res.text()).trim().split("\n").map((line) => JSON.parse(line) as Json);
  const progress = lines.slice(0, -1);
  expect(progress.length).toBeGreaterThanOrEqual(1);
  for (const line of progress) {
    expect(line.type).toBe("progress");
    expect(line.bytes).toBeGreaterThan(0);
    expect(typeof line.rows).toBe("number");
  }
  const result = lines.at(-1)!;
  expect(result).toMatchObject({ type: "result", status: 201 });
  expectEvaluationShape(result.evaluation);
  expect(result.evaluation.rows).toBe(600);
  expect(await listIds()).toContain(result.evaluation.id);

  // A bad file in NDJSON mode ends with an error line, and stores nothing.
  const ids = await listIds();
  const ragged = predictionsCsv().replace("\n3,", "\n3,extra,");
  const bad = await pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/csv", Accept: "application/x-ndjson" }, data: ragged });
  const last = JSON.parse((await bad.text()).trim().split("\n").at(-1)!) as Json;
  expect(last).toMatchObject({ type: "error", status: 422, error: { code: "unprocessable", details: { code: "ragged_row", row: 4 } } });
  expect(await listIds()).toEqual(ids);
});

test("an upload named with X-Upload-Id reports its progress to its uploader, and to no one else", async () => {
  const uploadId = "3f1c9a2e-7b4d-4c1e-9a8f-0d2b6e5c4a10";
  const res = await pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/csv", "X-Upload-Id": uploadId }, data: predictionsCsv() });
  expect(res.status()).toBe(201);
  const progress = await pipeline.get(`/api/v1/uploads/${uploadId}`);
  expect(progress.status()).toBe(200);
  const { bytes, rows } = (await progress.json()) as { bytes: number; rows: number };
  expect(bytes).toBeGreaterThan(0);
  expect(rows).toBeGreaterThanOrEqual(0);
  expect(rows).toBeLessThanOrEqual(600);
  // Another user's session cannot see it.
  const officerTokenless = await asRole("compliance_officer");
  expect((await officerTokenless.get(`/api/v1/uploads/${uploadId}`)).status()).toBe(403);
  expect((await pipeline.get("/api/v1/uploads/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
});

test.describe("bad input over HTTP: the status, a message naming the problem, nothing stored", () => {
  test("a wrong content type: 415", async () => {
    const error = await expectRefused(() => pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "application/xml" }, data: "<predictions/>" }), 415);
    expect(error.code).toBe("unsupported_media_type");
    expect(error.message).toMatch(/text\/csv/);
  });

  test("a misspelt column: 422 naming the column, its row and the closest header name", async () => {
    const error = await expectRefused(() => pipeline.post(`${base}?${QUERY.replace("label=label", "label=lable")}`, { headers: { "Content-Type": "text/csv" }, data: predictionsCsv() }), 422);
    expect(error.details).toEqual({ code: "missing_column", row: 1, column: "lable", value: null });
    expect(error.message).toContain('"lable"');
    expect(error.message).toContain('Did you mean "label"?');
  });

  test("a third label value: 422 with row, column and value", async () => {
    const csv = predictionsCsv().replace("\n10,0,", "\n10,maybe,");
    const error = await expectRefused(() => pipeline.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/csv" }, data: csv }), 422);
    expect(error.details).toEqual({ code: "unexpected_label", row: 11, column: "label", value: "maybe" });
  });

  test("an empty file, a header only, one group only, an absent positive label: 422", async () => {
    const header = "id,label,prediction,score,race,sex\n";
    const oneSex = predictionsCsv().replaceAll(",Male\n", ",Female\n");
    const cases: [string, string, Json][] = [
      ["", QUERY, { code: "empty_file" }],
      [header, QUERY, { code: "header_only", row: 2 }],
      [oneSex, QUERY.replace("&intersections=race*sex", ""), { code: "single_group", column: "sex", value: "Female" }],
      [predictionsCsv().replace(/\n(\d+),1,/g, "\n$1,0,"), QUERY, { code: "positive_label_absent", column: "label", value: "1" }],
    ];
    for (const [csv, query, details] of cases) {
      const error = await expectRefused(() => pipeline.post(`${base}?${query}`, { headers: { "Content-Type": "text/csv" }, data: csv }), 422);
      expect(error.details, details.code).toMatchObject(details);
    }
  });

  test("a mapping without the label column: 400", async () => {
    const error = await expectRefused(() => pipeline.post(`${base}?${QUERY.replace("label=label&", "")}`, { headers: { "Content-Type": "text/csv" }, data: predictionsCsv() }), 400);
    expect(Object.keys(error.details!.fields)).toContain("mapping.label");
  });

  test("a declared size over the limit: 413 before the body is read", async () => {
    // 600 MB is declared, a few bytes are sent: the route answers from Content-Length alone.
    const url = new URL(`${base}?${QUERY}`, BASE_URL);
    const [seq, ids] = [await auditHeadSeq(auditor), await listIds()];
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(url, { method: "POST", headers: { "Content-Type": "text/csv", "Content-Length": String(600 * 1024 * 1024), Authorization: `Bearer ${pipelineSecret}` } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body: text });
          req.destroy();
        });
      });
      req.on("error", reject);
      req.write("id,label,prediction,score,race,sex\n");
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe("payload_too_large");
    expect(await listIds()).toEqual(ids);
    const events = ((await (await auditor.get(`/api/v1/audit/events?afterSeq=${seq}`)).json()) as { events: { action: string }[] }).events;
    expect(events.map((e) => e.action)).not.toContain("evaluation.created");
  });

  test("a token with only models:read: 403, nothing stored", async () => {
    const error = await expectRefused(() => readOnly.post(`${base}?${QUERY}`, { headers: { "Content-Type": "text/csv" }, data: predictionsCsv() }), 403);
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(/scope/);
    // It may still read.
    expect((await readOnly.get(base)).status()).toBe(200);
  });

  test("counts posted as JSON whose groups do not add up: 422; valid counts: 201 in the same shape", async () => {
    const groups = { F: { tp: 30, fp: 10, tn: 50, fn: 10 }, M: { tp: 32, fp: 9, tn: 49, fn: 10 } };
    const error = await expectRefused(
      () => pipeline.post(`${base}?name=counts`, { headers: { "Content-Type": "application/json" }, data: { overall: { tp: 63, fp: 19, tn: 99, fn: 20 }, attributes: { sex: { groups } } } }),
      422,
    );
    expect(error.message).toMatch(/do not add up/);
    const ok = await pipeline.post(`${base}?name=counts&latencyMs=8.5`, { headers: { "Content-Type": "application/json" }, data: { overall: { tp: 62, fp: 19, tn: 99, fn: 20 }, attributes: { sex: { groups } } } });
    expect(ok.status()).toBe(201);
    expect(await ok.json()).toMatchObject({ name: "counts", rows: 200, status: "pass", latencyMs: 8.5, source: "counts" });
  });
});
