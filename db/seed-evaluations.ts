import type { Db } from "./client";
import type { TColumnMapping } from "@/lib/domain/predictions-csv/mapping";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { ingestPredictionsCsv } from "@/lib/services/evaluations/ingest-predictions";

/**
 * The demo's evaluations: synthetic predictions generated here, deterministically (a seeded
 * PRNG, nothing fetched), and fed through the real upload verb as CSV bytes streamed in chunks,
 * so they are hashed, counted, judged and audited exactly like an owner's upload.
 *
 * The tables are built group by group from target rates rather than sampled row by row, so the
 * story they tell does not depend on sampling luck:
 *  - retail-credit-scoring 2.3.0 (10,000 applicants): the model under-selects 18–25-year-olds,
 *    so age_band fails the demographic parity ratio (about 0.6 < 0.8) while sex passes;
 *  - card-fraud-detection 4.1.0 and 4.2.0: both pass; 4.2.0 catches more fraud with fewer false
 *    alarms (higher accuracy, F1 and ROC-AUC) and answers faster, for the comparison view.
 */

type Rates = { baseRate: number; tpr: number; fpr: number };
type Group = { values: string[]; share: number; rates: Rates };
type Table = { columns: string[]; rows: number; groups: Group[]; seed: number };

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A score consistent with the prediction (threshold 0.5) and informative beyond it: within the
 * predicted-positive band true positives sit higher, within the negative band true negatives
 * sit lower. Three decimals, as model outputs are usually exported.
 */
function score(random: () => number, label: boolean, predicted: boolean): string {
  const u = random();
  const value = predicted ? 0.5 + 0.499 * (label ? Math.sqrt(u) : u * u) : 0.499 * (label ? 1 - u * u : 1 - Math.sqrt(u));
  return value.toFixed(3);
}

/**
 * The CSV: per group, exactly round(rows × share) rows with the group's rates (rounded to whole
 * rows), shuffled so groups arrive interleaved. Columns: id, label, prediction, score, then the
 * group's values; labels are "1" (positive) and "0".
 */
export function predictionsCsv(table: Table): string {
  const random = prng(table.seed);
  const records: string[] = [];
  let remaining = table.rows;
  table.groups.forEach((group, index) => {
    const n = index === table.groups.length - 1 ? remaining : Math.round(table.rows * group.share);
    remaining -= n;
    const positives = Math.round(n * group.rates.baseRate);
    const tp = Math.round(positives * group.rates.tpr);
    const fp = Math.round((n - positives) * group.rates.fpr);
    for (let i = 0; i < n; i++) {
      const label = i < positives;
      const predicted = label ? i < tp : i - positives < fp;
      records.push(`${label ? 1 : 0},${predicted ? 1 : 0},${score(random, label, predicted)},${group.values.join(",")}`);
    }
  });
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [records[i], records[j]] = [records[j]!, records[i]!];
  }
  return [`id,label,prediction,score,${table.columns.join(",")}`, ...records.map((record, i) => `${i + 1},${record}`)].join("\n") + "\n";
}

const SEXES: [string, number][] = [["female", 0.49], ["male", 0.51]];
const AGE_BANDS: [string, number][] = [["18-25", 0.17], ["26-40", 0.36], ["41-65", 0.33], ["65+", 0.14]];

function bySexAndAge(rates: (sex: string, age: string) => Rates): Group[] {
  return SEXES.flatMap(([sex, sexShare]) => AGE_BANDS.map(([age, ageShare]) => ({ values: [sex, age], share: sexShare * ageShare, rates: rates(sex, age) })));
}

/** Credit: "1" = approved / creditworthy. Young applicants are approved far less often. */
const CREDIT_RATES: Record<string, Rates> = {
  "18-25": { baseRate: 0.6, tpr: 0.62, fpr: 0.1 },
  "26-40": { baseRate: 0.72, tpr: 0.86, fpr: 0.16 },
  "41-65": { baseRate: 0.75, tpr: 0.86, fpr: 0.16 },
  "65+": { baseRate: 0.68, tpr: 0.8, fpr: 0.14 },
};

export const CREDIT_TABLE: Table = {
  columns: ["sex", "age_band"],
  rows: 10_000,
  seed: 20251201,
  // Women are approved a shade less often at every age: visible, within the thresholds.
  groups: bySexAndAge((sex, age) => {
    const r = CREDIT_RATES[age]!;
    return sex === "female" ? { ...r, tpr: r.tpr - 0.02, fpr: r.fpr - 0.01 } : r;
  }),
};

/** Fraud: "1" = fraudulent / flagged, on a review sample enriched with fraud (8%). */
export function fraudTable(tpr: number, fpr: number, seed: number): Table {
  return {
    columns: ["sex", "age_band"],
    rows: 20_000,
    seed,
    groups: bySexAndAge((sex, age) => ({ baseRate: 0.08, tpr: tpr - (age === "65+" ? 0.02 : 0) - (sex === "female" ? 0.01 : 0), fpr: fpr + (age === "18-25" ? 0.004 : 0) })),
  };
}

const CREDIT_MAPPING: TColumnMapping = { label: "label", prediction: "prediction", score: "score", sensitive: ["sex", "age_band"], positive: "1", intersections: [["sex", "age_band"]] };
const FRAUD_MAPPING: TColumnMapping = { label: "label", prediction: "prediction", score: "score", sensitive: ["sex", "age_band"], positive: "1", intersections: [] };

const CHUNK_BYTES = 64 * 1024;

async function* chunks(text: string): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

type TDemoEvaluation = { slug: string; version: string; name: string; table: Table; mapping: TColumnMapping; references: Record<string, string>; latencyMs: number | null };

export const DEMO_EVALUATIONS: TDemoEvaluation[] = [
  { slug: "retail-credit-scoring", version: "2.3.0", name: "Holdout 2025-12 (10,000 applicants)", table: CREDIT_TABLE, mapping: CREDIT_MAPPING, references: { sex: "male", age_band: "41-65" }, latencyMs: null },
  { slug: "card-fraud-detection", version: "4.1.0", name: "Backtest 2026-01", table: fraudTable(0.8, 0.03, 4100), mapping: FRAUD_MAPPING, references: {}, latencyMs: 38 },
  { slug: "card-fraud-detection", version: "4.2.0", name: "Backtest 2026-01", table: fraudTable(0.83, 0.026, 4200), mapping: FRAUD_MAPPING, references: {}, latencyMs: 27 },
];

/** Uploads the demo evaluations as the seed (system actor). */
export async function seedEvaluations(db: Db): Promise<void> {
  const ctx: ServiceContext = { db, actor: { kind: "system", name: "seed" }, request: NO_REQUEST };
  for (const { table, ...evaluation } of DEMO_EVALUATIONS) {
    await ingestPredictionsCsv(ctx, { ...evaluation, chunks: chunks(predictionsCsv(table)) });
  }
}
