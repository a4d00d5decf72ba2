import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { models, modelVersions, reviewDecisions, reviewRequests } from "@/db/schema";
import { completeness } from "@/lib/domain/model-card/completeness";
import { CREDIT_SCORING_CARD } from "@/lib/domain/model-card/example-cards";
import { ZModelCardSchema } from "@/lib/domain/model-card/schema";
import { MODEL_CARD_TEMPLATE, type TCardSection, type TRiskTier } from "@/lib/domain/model-card/template";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { INVENTORY_SORTS, inventoryFacets, inventoryPage, STAGES, ZInventoryQuerySchema, type TInventoryQuery } from "@/lib/services/models/inventory";
import { createUser } from "@/lib/services/users/create-user";
import { TEST_PASSWORD } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

/*
 * ~40 models with varied tiers, business units, owners, tags, stages and documentation bands,
 * created through the verbs, and an in-memory oracle of what each inventory query must return.
 */

const OWNERS = [
  { email: "ana.alvarez@bank.eu", name: "Ana Alvarez" },
  { email: "bruno.berg@bank.eu", name: "Bruno Berg" },
  { email: "carla.costa@bank.eu", name: "Carla Costa" },
  { email: "dmitri.dahl@bank.eu", name: "Dmitri Dahl" },
];
const UNITS = ["Retail Lending", "Financial Crime", "People & HR", "Operations", "Digital Channels"];
const TIERS: (TRiskTier | null)[] = [null, "prohibited", "high", "limited", "minimal"];
const TAGS = ["credit", "fraud", "nlp", "tabular", "llm", "time_series", "vision", "streaming"];
// Distinct first words, one letter-case pattern: orders the same under the C and en_US collations.
const WORDS = [
  "Aurora", "Beacon", "Cobalt", "Dynamo", "Ember", "Falcon", "Garnet", "Harbor", "Indigo", "Juniper",
  "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quartz", "Raven", "Sierra", "Tundra",
  "Umber", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr", "Alder", "Birch", "Cedar", "Dune",
  "Elm", "Fjord", "Glacier", "Heron", "Iris", "Jasper", "Koala", "Larch", "Maple", "Nova",
];
const DOMAINS = ["churn predictor", "fraud screen", "cv ranker", "cash forecast", "chat assistant", "credit scorer", "document classifier", "anomaly detector"];
const TIER_RANK: Record<string, number> = { prohibited: 4, high: 3, limited: 2, minimal: 1 };

/** Cards from empty to complete (for high risk): bands vary with the tier they are measured against. */
function cardOfSize(fraction: number) {
  if (fraction === 0) return null;
  const card: Record<string, Record<string, unknown>> = {};
  const fields = (MODEL_CARD_TEMPLATE as readonly TCardSection[]).flatMap((s) => s.fields.map((f) => [s.key, f.key] as const));
  const keep = Math.round(fields.length * fraction);
  for (const [section, field] of fields.slice(0, keep)) {
    card[section] ??= {};
    card[section][field] = (CREDIT_SCORING_CARD as unknown as Record<string, Record<string, unknown>>)[section]![field];
  }
  return ZModelCardSchema.parse(card);
}
const CARD_SIZES = [0, 0.1, 0.4, 0.8, 1];

/** A tiny deterministic PRNG (mulberry32), so the seed is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Expected = {
  id: string;
  name: string;
  slug: string;
  purpose: string;
  tags: string[];
  tier: TRiskTier | null;
  businessUnit: string;
  ownerEmail: string;
  ownerName: string;
  stages: string[];
  latestVersion: string;
  latestStage: string;
  docPercent: number;
  docBand: string;
  updatedAt: Date;
};

forEachDatabase("inventory", (t) => {
  const expected: Expected[] = [];

  beforeAll(async () => {
    const system: ServiceContext = { db: t.db, actor: { kind: "system", name: "test" }, request: NO_REQUEST };
    for (const owner of OWNERS) await createUser(system, { ...owner, roles: ["model_owner"], password: TEST_PASSWORD }, "seed");
    const next = random(20260101);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    for (let i = 0; i < WORDS.length; i++) {
      const name = `${WORDS[i]} ${DOMAINS[i % DOMAINS.length]}`;
      // Purposes that contain LIKE wildcards, and near misses for them.
      const purpose =
        i === 7 ? "Cuts false alerts by 50% on card payments." :
        i === 13 ? "Scores 500 branches nightly." :
        i === 21 ? "Uses snake_case feature names from the lakehouse." :
        i === 22 ? "Reads snake case feature names aloud." :
        `Supports ${UNITS[i % UNITS.length]!.toLowerCase()} with a ${DOMAINS[i % DOMAINS.length]}.`;
      const owner = OWNERS[(i + Math.floor(i / 5)) % OWNERS.length]!;
      const tier = TIERS[(i * 3 + Math.floor(i / 10)) % TIERS.length]!;
      const tags = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(TAGS)))];
      const businessUnit = UNITS[(i + Math.floor(i / 3)) % UNITS.length]!;
      const model = await createModel(system, { name, purpose, businessUnit, tags, ownerEmail: owner.email });
      await t.db.update(models).set({ riskTier: tier }).where(eq(models.id, model.id));

      const labels = Array.from({ length: 1 + (i % 3) }, (_, v) => `${1 + v}.0.0`);
      const stages: string[] = [];
      for (const label of labels) {
        await createModelVersion(system, { slug: model.slug, version: label });
        const stage = pick(STAGES);
        await t.db.update(modelVersions).set({ stage }).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, label)));
        stages.push(stage);
      }
      // The card goes on the latest version (and a retired latest version cannot take one).
      const card = cardOfSize(CARD_SIZES[(i * 7) % CARD_SIZES.length]!);
      const latest = labels.at(-1)!;
      if (card) {
        if (stages.at(-1) === "retired") await t.db.update(modelVersions).set({ stage: "draft" }).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, latest)));
        await saveModelCard(system, { slug: model.slug, version: latest, baseRevision: null, content: card, source: "api" });
        if (stages.at(-1) === "retired") await t.db.update(modelVersions).set({ stage: "retired" }).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, latest)));
      }
      const result = completeness(card ?? {}, tier);
      // Ten distinct days, so "updated" has ties that the id must break.
      const updatedAt = new Date(Date.UTC(2026, 0, 1 + (i % 10), 9));
      await t.db.update(models).set({ updatedAt }).where(eq(models.id, model.id));
      expected.push({
        id: model.id, name, slug: model.slug, purpose, tags, tier, businessUnit, ownerEmail: owner.email, ownerName: owner.name,
        stages, latestVersion: latest, latestStage: stages.at(-1)!, docPercent: result.overall.percent, docBand: result.band, updatedAt,
      });
    }
  });

  const query = (q: Record<string, unknown>): TInventoryQuery => ZInventoryQuerySchema.parse({ pageSize: 200, ...q });
  const names = async (q: Record<string, unknown>) => (await inventoryPage(t.db, query(q))).models.map((m) => m.name);
  const byName = (a: Expected, b: Expected) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const oracle = (keep: (m: Expected) => boolean) => expected.filter(keep).sort(byName).map((m) => m.name);
  const matches = (needle: string) => (m: Expected) => [m.name, m.slug, m.purpose, m.tags.join(" ")].some((s) => s.toLowerCase().includes(needle.toLowerCase()));

  it("is seeded as intended: every filter value occurs, and the stored bands are the domain's", async () => {
    expect(expected).toHaveLength(40);
    for (const tier of TIERS) expect(expected.some((m) => m.tier === tier)).toBe(true);
    for (const band of ["complete", "nearly", "partial", "empty"]) expect(expected.some((m) => m.docBand === band), band).toBe(true);
    for (const stage of STAGES) expect(expected.some((m) => m.stages.includes(stage)), stage).toBe(true);
    const rows = await t.db.select().from(models);
    for (const m of expected) expect(rows.find((r) => r.id === m.id)).toMatchObject({ docPercent: m.docPercent, docBand: m.docBand, riskTier: m.tier });
  });

  it("returns each row with its owner, version count and latest version", async () => {
    const page = await inventoryPage(t.db, query({ q: "Kestrel" }));
    const m = expected.find((e) => e.name.startsWith("Kestrel"))!;
    expect(page.models).toEqual([
      {
        id: m.id, slug: m.slug, name: m.name, purpose: m.purpose, businessUnit: m.businessUnit, tags: m.tags, riskTier: m.tier, docPercent: m.docPercent, docBand: m.docBand,
        updatedAt: m.updatedAt, ownerEmail: m.ownerEmail, ownerName: m.ownerName, versionCount: m.stages.length, latestVersion: m.latestVersion, latestStage: m.latestStage,
      },
    ]);
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 200 });
  });

  describe("search", () => {
    it("finds by name, slug, purpose and tag, ignoring case", async () => {
      expect(await names({ q: "juniper" })).toEqual(["Juniper fraud screen"]);
      expect(await names({ q: "NET-DOCUMENT" })).toEqual(["Garnet document classifier"]); // only its slug has the hyphen
      expect(await names({ q: "nightly" })).toEqual(["Nimbus credit scorer"]);
      for (const q of ["juniper", "cash-forecast", "fraud", "llm", "Financial crime", "streaming", "ian"]) {
        const found = await names({ q });
        expect(found, q).toEqual(oracle(matches(q)));
        expect(found.length, q).toBeGreaterThan(0);
      }
      // A tag only: nothing else says "vision".
      expect(oracle((m) => m.tags.includes("vision")).length).toBeGreaterThan(0);
      expect(await names({ q: "vision" })).toEqual(oracle((m) => m.tags.includes("vision")));
      expect(await names({ q: "no such model anywhere" })).toEqual([]);
    });

    it("takes % and _ literally", async () => {
      expect(await names({ q: "50%" })).toEqual(["Harbor anomaly detector"]); // not "Scores 500 branches"
      expect(await names({ q: "%" })).toEqual(["Harbor anomaly detector"]);
      expect(await names({ q: "snake_case" })).toEqual(["Vertex credit scorer"]); // not "snake case"
      expect(await names({ q: "_" })).toEqual(oracle(matches("_")));
      expect((await names({ q: "_" })).length).toBeGreaterThan(1); // snake_case and the time_series tags
      expect((await names({ q: "_" })).length).toBeLessThan(expected.length);
      expect(await names({ q: "\\" })).toEqual([]);
    });
  });

  describe("filters", () => {
    it("tier, including unclassified", async () => {
      for (const tier of TIERS) expect(await names({ tier: tier ?? "unclassified" }), String(tier)).toEqual(oracle((m) => m.tier === tier));
    });

    it("stage: models with any version in that stage", async () => {
      for (const stage of STAGES) expect(await names({ stage }), stage).toEqual(oracle((m) => m.stages.includes(stage)));
      // Not only the latest version's stage.
      expect(expected.some((m) => m.stages.includes("approved") && m.latestStage !== "approved")).toBe(true);
    });

    it("owner (by email, in any letter case), business unit and completeness band", async () => {
      for (const owner of OWNERS) {
        expect(await names({ owner: owner.email }), owner.email).toEqual(oracle((m) => m.ownerEmail === owner.email));
        expect(await names({ owner: ` ${owner.email.toUpperCase()} ` })).toEqual(oracle((m) => m.ownerEmail === owner.email));
      }
      for (const unit of UNITS) expect(await names({ businessUnit: unit }), unit).toEqual(oracle((m) => m.businessUnit === unit));
      for (const band of ["complete", "nearly", "partial", "empty"]) expect(await names({ completeness: band }), band).toEqual(oracle((m) => m.docBand === band));
      expect(await names({ owner: "nobody@bank.eu" })).toEqual([]);
      expect(await names({ businessUnit: "retail lending" })).toEqual([]); // exact, as the filter menu offers it
    });

    it("evaluation status and overdue review (the dashboard's links)", async () => {
      // This portfolio has no evaluations: every evaluation filter is empty (tests/integration/dashboard.test.ts has them).
      for (const evaluation of ["pass", "fail", "waived"]) expect(await names({ evaluation }), evaluation).toEqual([]);
      expect(await names({ review: "overdue" })).toEqual([]);
      // Review dates: past on every version of the first ten models, future on the next ten.
      const now = new Date();
      for (const [i, m] of expected.slice(0, 20).entries()) {
        await t.db.update(modelVersions).set({ nextReviewDue: new Date(now.getTime() + (i < 10 ? -1 : 1) * 86_400_000) }).where(eq(modelVersions.modelId, m.id));
      }
      const inService = (m: Expected) => m.stages.some((s) => s === "approved" || s === "deployed");
      const overdue = oracle((m) => expected.indexOf(m) < 10 && inService(m));
      expect(overdue.length).toBeGreaterThan(0);
      expect(await names({ review: "overdue" })).toEqual(overdue);
      expect(await names({ review: "overdue", tier: "high" })).toEqual(oracle((m) => expected.indexOf(m) < 10 && inService(m) && m.tier === "high"));
      // A draft or retired version is not in service: its review date does not make it overdue.
      expect(expected.slice(0, 10).some((m) => !inService(m))).toBe(true);
      await t.db.update(modelVersions).set({ nextReviewDue: null });
    });

    it("decided in a week: models with a review decision from that Monday (UTC) for seven days", async () => {
      expect(await names({ decidedWeek: "2026-11-23" })).toEqual([]);
      const decide = async (m: Expected, at: string) => {
        const [version] = await t.db.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.modelId, m.id)).limit(1);
        const [request] = await t.db.insert(reviewRequests).values({ versionId: version!.id, submittedByEmail: "owner@bank.eu", dossierHash: "0".repeat(64), dossier: {}, submittedAt: new Date("2026-11-01T00:00:00Z") }).returning();
        await t.db.insert(reviewDecisions).values({ reviewRequestId: request!.id, versionId: version!.id, decision: "approve", approverId: m.id, approverEmail: "officer@bank.eu", approverRoles: ["compliance_officer"], dossierHash: "0".repeat(64), dossier: {}, decidedAt: new Date(at) });
      };
      const [first, second, before, after] = expected;
      await decide(first!, "2026-11-23T00:00:00.000Z"); // the Monday itself
      await decide(second!, "2026-11-29T23:59:59.999Z"); // the Sunday's last instant
      await decide(before!, "2026-11-22T23:59:59.999Z");
      await decide(after!, "2026-11-30T00:00:00.000Z");
      expect(await names({ decidedWeek: "2026-11-23" })).toEqual([first!, second!].sort(byName).map((m) => m.name));
      expect(await names({ decidedWeek: "2026-11-16" })).toEqual([before!.name]);
      expect(await names({ decidedWeek: "2026-11-23", tier: first!.tier ?? "unclassified" })).toContain(first!.name);
    });

    it("combined", async () => {
      const combos: [Record<string, string>, (m: Expected) => boolean][] = [
        [{ tier: "high", completeness: "complete" }, (m) => m.tier === "high" && m.docBand === "complete"],
        [{ tier: "unclassified", businessUnit: "Operations" }, (m) => m.tier === null && m.businessUnit === "Operations"],
        [{ owner: OWNERS[0]!.email, stage: "draft" }, (m) => m.ownerEmail === OWNERS[0]!.email && m.stages.includes("draft")],
        [{ q: "a", tier: "minimal", stage: "deployed" }, (m) => matches("a")(m) && m.tier === "minimal" && m.stages.includes("deployed")],
        [{ businessUnit: "Retail Lending", completeness: "empty", owner: OWNERS[1]!.email }, (m) => m.businessUnit === "Retail Lending" && m.docBand === "empty" && m.ownerEmail === OWNERS[1]!.email],
        [{ q: "credit", tier: "prohibited", stage: "retired", businessUnit: "Financial Crime", completeness: "partial", owner: OWNERS[2]!.email }, () => false],
      ];
      let nonEmpty = 0;
      for (const [filters, keep] of combos) {
        const found = await names(filters);
        expect(found, JSON.stringify(filters)).toEqual(oracle((m) => keep(m) && [filters.q ?? ""].every((q) => matches(q)(m))));
        if (found.length > 0) nonEmpty++;
        expect((await inventoryPage(t.db, query(filters))).total).toBe(found.length);
      }
      expect(nonEmpty).toBeGreaterThanOrEqual(3);
    });
  });

  describe("sorting", () => {
    const compare = {
      name: (a: Expected, b: Expected) => byName(a, b),
      updated: (a: Expected, b: Expected) => a.updatedAt.getTime() - b.updatedAt.getTime(),
      tier: (a: Expected, b: Expected) => (TIER_RANK[a.tier ?? ""] ?? 0) - (TIER_RANK[b.tier ?? ""] ?? 0),
      completeness: (a: Expected, b: Expected) => a.docPercent - b.docPercent,
      owner: (a: Expected, b: Expected) => (a.ownerName < b.ownerName ? -1 : a.ownerName > b.ownerName ? 1 : 0),
    } satisfies Record<(typeof INVENTORY_SORTS)[number], (a: Expected, b: Expected) => number>;
    const byId = (a: Expected, b: Expected) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

    it.each(INVENTORY_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))("by %s %s, ties broken by name (then id)", async (sort, dir) => {
      const sign = dir === "desc" ? -1 : 1;
      // Ties: by name ascending whatever the direction, except "updated", whose ties go by id.
      const tie = sort === "updated" ? byId : byName;
      const want = [...expected].sort((a, b) => sign * compare[sort](a, b) || tie(a, b)).map((m) => m.name);
      expect(await names({ sort, dir })).toEqual(want);
    });

    it("tier descending puts prohibited first and unclassified last", async () => {
      const rows = (await inventoryPage(t.db, query({ sort: "tier", dir: "desc" }))).models;
      expect(rows[0]!.riskTier).toBe("prohibited");
      expect(rows.at(-1)!.riskTier).toBeNull();
      expect([...new Set(rows.map((r) => r.riskTier))]).toEqual(["prohibited", "high", "limited", "minimal", null]);
    });

    it("defaults to name ascending", async () => {
      expect(await names({})).toEqual(oracle(() => true));
    });
  });

  describe("pagination", () => {
    it("pages cover the list once, in order, with the same total on every page", async () => {
      for (const filters of [{}, { sort: "completeness", dir: "desc" }, { tier: "high" }, { sort: "updated" }]) {
        const all = (await inventoryPage(t.db, query(filters))).models.map((m) => m.id);
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(all.length / 7) + 1; page++) {
          const result = await inventoryPage(t.db, query({ ...filters, page, pageSize: 7 }));
          expect(result.total).toBe(all.length);
          expect(result.models.length).toBe(Math.max(0, Math.min(7, all.length - (page - 1) * 7)));
          seen.push(...result.models.map((m) => m.id));
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(all);
      }
    });

    it("a page past the end is empty but still counts", async () => {
      expect(await inventoryPage(t.db, query({ page: 99, pageSize: 25 }))).toEqual({ models: [], total: 40, page: 99, pageSize: 25 });
    });
  });

  it("facets list the business units and owners in use", async () => {
    const facets = await inventoryFacets(t.db);
    expect(facets.businessUnits).toEqual([...UNITS].sort());
    expect(facets.owners).toEqual(OWNERS.map(({ email, name }) => ({ email, name })));
  });

  describe("ZInventoryQuerySchema", () => {
    it("fills defaults and treats empty parameters as absent", () => {
      expect(ZInventoryQuerySchema.parse({})).toEqual({ sort: "name", dir: "asc", page: 1, pageSize: 25 });
      expect(ZInventoryQuerySchema.parse({ q: "", tier: "", stage: "", owner: "", businessUnit: "", completeness: "", sort: "", dir: "", page: "", pageSize: "" })).toEqual({
        sort: "name", dir: "asc", page: 1, pageSize: 25,
      });
    });

    it("takes the dashboard's evaluation and review filters", () => {
      expect(ZInventoryQuerySchema.parse({ evaluation: "waived", review: "overdue" })).toEqual({ evaluation: "waived", review: "overdue", sort: "name", dir: "asc", page: 1, pageSize: 25 });
      expect(ZInventoryQuerySchema.parse({ evaluation: "", review: "" })).toEqual({ sort: "name", dir: "asc", page: 1, pageSize: 25 });
    });

    it("coerces URL strings and normalises the owner", () => {
      expect(ZInventoryQuerySchema.parse({ q: "  credit ", tier: "unclassified", stage: "in_review", owner: " Ana.Alvarez@Bank.EU ", sort: "tier", dir: "desc", page: "3", pageSize: "50" })).toEqual({
        q: "credit", tier: "unclassified", stage: "in_review", owner: "ana.alvarez@bank.eu", sort: "tier", dir: "desc", page: 3, pageSize: 50,
      });
    });

    it.each([
      [{ tier: "catastrophic" }, "tier"],
      [{ tier: "HIGH" }, "tier"],
      [{ stage: "rejected" }, "stage"],
      [{ completeness: "half" }, "completeness"],
      [{ evaluation: "failed" }, "evaluation"],
      [{ review: "due" }, "review"],
      [{ decidedWeek: "2026-11-24" }, "decidedWeek"], // a Tuesday
      [{ decidedWeek: "2026-13-01" }, "decidedWeek"],
      [{ sort: "risk" }, "sort"],
      [{ dir: "up" }, "dir"],
      [{ page: "0" }, "page"],
      [{ page: "1.5" }, "page"],
      [{ page: "abc" }, "page"],
      [{ pageSize: "0" }, "pageSize"],
      [{ pageSize: 0 }, "pageSize"],
      [{ pageSize: "201" }, "pageSize"],
      [{ q: "x".repeat(201) }, "q"],
    ])("rejects %j", (input, field) => {
      const result = ZInventoryQuerySchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toEqual([field]);
    });
  });
});
