/**
 * Inventory benchmark: `npm run bench:inventory [-- --models 10000 --runs 20 --explain]`.
 * Prints one JSON object on stdout (progress, and query plans with --explain, go to stderr).
 *
 * Seeds a realistic inventory (10,000 models by default, 1–3 versions each, owners, business
 * units, tags, tiers, stages and completeness bands) with bulk INSERTs, runs ANALYZE, then times
 * inventoryPage — exactly what the inventory page and GET /api/v1/models run — for the default
 * first page, a deep page, text searches, each filter and a combined filter sorted by
 * completeness, reporting p50/p95 over `runs` runs each, beside a baseline in the same run: a
 * plain `SELECT * FROM models ORDER BY name LIMIT 25`.
 *
 * It runs on PGlite in a temporary DATA_DIR (on disk, as the app runs it), and on PostgreSQL too
 * when DATABASE_URL is set, in a throw-away database created and dropped on that server.
 */
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { onThrowawayPglite, onThrowawayPostgres } from "./bench-databases";
import { explainTo, timeRuns } from "./bench-timing";
import { queryRows, type DatabaseHandle, type Db } from "@/db/client";
import { migrate } from "@/db/migrate";
import { models, modelVersions, users } from "@/db/schema";
import { completenessBand } from "@/lib/domain/model-card/completeness";
import { inventoryPage, ZInventoryQuerySchema } from "@/lib/services/models/inventory";

const { values: args } = parseArgs({
  options: {
    models: { type: "string", default: "10000" },
    runs: { type: "string", default: "20" },
    explain: { type: "boolean", default: false },
  },
});
const MODELS = Number(args.models);
const RUNS = Number(args.runs);
// What counts as slow on PostgreSQL: the point at which an index is worth proposing.
const SLOW_P50_MS = 50;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** A small deterministic PRNG (mulberry32): the same inventory on every run and both databases. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AREAS = ["Retail", "SME", "Corporate", "Mortgage", "Cards", "Payments", "Wealth", "Insurance", "Treasury", "HR", "Marketing", "Operations", "Compliance", "Customer service"];
const SUBJECTS = ["credit default", "card fraud", "churn", "next best offer", "AML transaction", "cash demand", "call routing", "document", "CV", "sentiment", "price elasticity", "claims", "collections", "KYC", "complaint"];
const KINDS = ["scorer", "detector", "classifier", "forecast", "ranker", "assistant", "model", "recommender", "segmenter"];
const UNITS = ["Retail Lending", "Financial Crime", "People & HR", "Operations", "Digital Channels", "Wealth Management", "Corporate Banking", "Insurance", "Treasury", "Marketing", "Risk", "Payments"];
const TAGS = ["credit", "fraud", "tabular", "nlp", "llm", "vision", "time-series", "streaming", "gradient-boosting", "transformer", "batch", "realtime", "pii", "third-party", "gdpr", "explainable", "ensemble", "deep-learning", "rules-hybrid", "forecasting"];
const FIRST = ["Ana", "Bruno", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katya", "Luca", "Maya", "Nils", "Olga", "Pavel", "Quentin", "Rosa", "Sven", "Tariq", "Ulla", "Victor", "Wiebke", "Xavier", "Yara"];
const LAST = ["Alvarez", "Berg", "Costa", "Dahl", "Eriksen", "Fischer", "Garcia", "Horvath", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Young"];
// Roughly a bank's portfolio: most models minimal or unclassified, few prohibited.
const TIER_WEIGHTS: [string | null, number][] = [[null, 0.25], ["minimal", 0.3], ["limited", 0.2], ["high", 0.22], ["prohibited", 0.03]];
const STAGE_WEIGHTS: [string, number][] = [["draft", 0.3], ["in_review", 0.1], ["approved", 0.15], ["deployed", 0.35], ["retired", 0.1]];
const REQUIRED_FIELDS = 71; // about what the high-risk card requires: the bands follow the domain's rule

function weighted<T>(next: () => number, options: [T, number][]): T {
  let r = next();
  for (const [value, weight] of options) if ((r -= weight) < 0) return value;
  return options.at(-1)![0];
}

async function seed(db: Db) {
  const next = random(20260315);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const started = performance.now();

  const owners = FIRST.map((first, i) => ({
    email: `${first.toLowerCase()}.${LAST[i]!.toLowerCase()}@bank.example`,
    name: `${first} ${LAST[i]}`,
    passwordHash: "scrypt$bench$not-a-real-hash",
    roles: ["model_owner"],
  }));
  const ownerRows = await db.insert(users).values(owners).returning({ id: users.id, email: users.email });

  let versions = 0;
  for (let start = 0; start < MODELS; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(MODELS, start + 1000); i++) {
      const area = pick(AREAS);
      const subject = pick(SUBJECTS);
      const kind = pick(KINDS);
      const code = String(i).padStart(5, "0");
      const name = `${area} ${subject} ${kind} ${code}`;
      const filled = Math.floor(next() < 0.15 ? REQUIRED_FIELDS : next() * REQUIRED_FIELDS);
      const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TAGS)))];
      const updatedAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 730 * 24 * 3600 * 1000));
      batch.push({
        slug: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
        name,
        purpose: `${kind[0]!.toUpperCase()}${kind.slice(1)} for ${subject} decisions in ${area.toLowerCase()}, used by the ${pick(UNITS).toLowerCase()} team; outputs feed a human review.`,
        businessUnit: pick(UNITS),
        ownerId: pick(ownerRows).id,
        tags,
        riskTier: weighted(next, TIER_WEIGHTS),
        docPercent: Math.floor((filled * 100) / REQUIRED_FIELDS),
        docBand: completenessBand(filled, REQUIRED_FIELDS),
        createdAt: updatedAt,
        updatedAt,
      });
    }
    const inserted = await db.insert(models).values(batch).returning({ id: models.id, createdAt: models.createdAt });
    const versionRows = inserted.flatMap(({ id, createdAt }) => {
      const count = 1 + Math.floor(next() * 3);
      versions += count;
      return Array.from({ length: count }, (_, v) => ({
        modelId: id,
        version: `${1 + v}.${Math.floor(next() * 10)}.0`,
        framework: pick(["xgboost 2.1", "lightgbm 4.5", "scikit-learn 1.5", "pytorch 2.5", "transformers 4.46"]),
        artifactUri: `s3://models/${id}/${1 + v}/model.bin`,
        // Older versions have mostly moved on; the latest is wherever the lifecycle has it.
        stage: v < count - 1 ? weighted(next, [["retired", 0.6], ["deployed", 0.3], ["approved", 0.1]]) : weighted(next, STAGE_WEIGHTS),
        createdAt: new Date(createdAt.getTime() + v * 86_400_000),
      }));
    });
    await db.insert(modelVersions).values(versionRows);
  }
  await db.execute(sql`ANALYZE`);
  return { models: MODELS, versions, owners: owners.length, seconds: Math.round(performance.now() - started) / 1000, ownerEmail: ownerRows[3]!.email };
}

const time = <T>(run: () => Promise<T>) => timeRuns(RUNS, run);
const explain = (db: Db, label: string, query: string) => explainTo(log, db, label, query);

async function benchOn(handle: DatabaseHandle, storage: string) {
  const { db, kind } = handle;
  await migrate(db);
  log(`${kind}: seeding ${MODELS} models`);
  const seeded = await seed(db);
  log(`${kind}: seeded in ${seeded.seconds} s`);

  const cases: Record<string, Record<string, unknown>> = {
    "default first page": {},
    "deep page (page 300)": { page: 300 },
    "search, common term (q=fraud)": { q: "fraud" },
    "search, rare term (q=00042)": { q: "00042" },
    "search, tag (q=third-party)": { q: "third-party" },
    "filter tier=high": { tier: "high" },
    "filter tier=unclassified": { tier: "unclassified" },
    "filter tier=prohibited": { tier: "prohibited" },
    "filter stage=in_review (any version)": { stage: "in_review" },
    "filter owner": { owner: seeded.ownerEmail },
    "filter businessUnit": { businessUnit: "Financial Crime" },
    "filter completeness=nearly": { completeness: "nearly" },
    "sort tier desc": { sort: "tier", dir: "desc" },
    "sort owner asc": { sort: "owner" },
    "combined: tier=high, stage=deployed, businessUnit, sort completeness desc": { tier: "high", stage: "deployed", businessUnit: "Retail Lending", sort: "completeness", dir: "desc" },
    "combined, deep: q=credit, completeness=partial, sort updated desc, page 4": { q: "credit", completeness: "partial", sort: "updated", dir: "desc", page: 4 },
  };

  const baseline = await time(() => queryRows(db, sql`SELECT * FROM models ORDER BY name LIMIT 25`));
  const queries: Record<string, { p50: number; p95: number; total: number; rows: number }> = {};
  for (const [label, params] of Object.entries(cases)) {
    const q = ZInventoryQuerySchema.parse(params);
    const { p50, p95, result } = await time(() => inventoryPage(db, q));
    const page = result as Awaited<ReturnType<typeof inventoryPage>>;
    queries[label] = { p50, p95, total: page.total, rows: page.models.length };
    log(`${kind}: ${label}: p50 ${p50} ms, p95 ${p95} ms (${page.total} matches)`);
  }
  if (args.explain) {
    const escaped = (s: string) => s.replace(/'/g, "''");
    await explain(db, "search q=fraud (count)", `SELECT count(*) FROM models JOIN users ON users.id = models.owner_id WHERE models.name ILIKE '%fraud%' OR models.slug ILIKE '%fraud%' OR models.purpose ILIKE '%fraud%' OR array_to_string(models.tags, ' ') ILIKE '%fraud%'`);
    await explain(db, "deep page", `SELECT models.id FROM models JOIN users ON users.id = models.owner_id ORDER BY models.name, models.id LIMIT 25 OFFSET 7475`);
    await explain(db, "stage filter", `SELECT models.id FROM models JOIN users ON users.id = models.owner_id WHERE EXISTS (SELECT 1 FROM model_versions v WHERE v.model_id = models.id AND v.stage = 'in_review') ORDER BY models.name, models.id LIMIT 25`);
    await explain(db, "owner filter", `SELECT models.id FROM models JOIN users ON users.id = models.owner_id WHERE users.email = '${escaped(seeded.ownerEmail)}' ORDER BY models.name, models.id LIMIT 25`);
  }
  const slow = kind === "postgres" ? Object.entries(queries).filter(([, v]) => v.p50 > SLOW_P50_MS).map(([k]) => k) : undefined;
  return {
    storage,
    seed: { models: seeded.models, versions: seeded.versions, owners: seeded.owners, seconds: seeded.seconds },
    runsPerQuery: RUNS,
    baseline: { query: "SELECT * FROM models ORDER BY name LIMIT 25", p50: baseline.p50, p95: baseline.p95 },
    inventoryPage: queries,
    ...(slow ? { slowerThan50msP50: slow } : {}),
  };
}

const onPglite = () => onThrowawayPglite("attest-bench-inventory", benchOn);

const onPostgres = (url: string) => {
  return onThrowawayPostgres(url, "attest-bench-inventory", benchOn);
};

async function main() {
  const report: Record<string, unknown> = { node: process.version, cpus: cpus().length, models: MODELS };
  report.pglite = await onPglite();
  const url = process.env.DATABASE_URL;
  report.postgres = url ? await onPostgres(url) : { skipped: "set DATABASE_URL to also run on PostgreSQL" };
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
