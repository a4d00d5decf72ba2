import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluations, evaluationWaivers, issuedDocuments, models, modelVersions, reviewDecisions, reviewRequests } from "@/db/schema";
import { signIn } from "@/lib/services/auth/sign-in";
import {
  completenessDistribution,
  decisionsPerWeek,
  draftReadiness,
  evaluationResults,
  modelsByTier,
  newSince,
  officerTasks,
  overdueReviewsByTier,
  ownerTasks,
  portfolioTotals,
  previousSignIn,
  timeToDecision,
  versionsByStage,
  weekStart,
} from "@/lib/services/dashboard/queries";
import { loadDashboard } from "@/lib/services/dashboard/load-dashboard";
import { inventoryPage, ZInventoryQuerySchema } from "@/lib/services/models/inventory";
import { reviewQueue } from "@/lib/services/reviews/queue";
import { lastEvent, rejection, seedOrganisation, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

/*
 * A known portfolio on seedOrganisation's five models, written straight into the tables (the
 * verbs that would produce it are tested elsewhere; here the point is the arithmetic):
 *
 *   model                         tier     band      versions (stage)
 *   Retail credit scoring         high     complete  2.3.0 approved, review overdue 10 days
 *   CV screening assistant        high     nearly    1.0.0 in_review (approval invalidated)
 *   Customer service assistant    limited  partial   0.9.2 deployed, review due in 30 days
 *   Card fraud detection          minimal  empty     4.1.0 deployed, overdue 30 days · 4.2.0 draft
 *   Branch cash demand forecast   —        empty     1.4.0 draft (rejected)
 *
 * "Now" is Wednesday 17 June 2026, 12:00 UTC; its ISO week starts on Monday 15 June.
 */
const NOW = new Date("2026-06-17T12:00:00Z");
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

forEachDatabase("dashboard", (t) => {
  let org: Organisation;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    const rows = await t.db.select({ id: modelVersions.id, version: modelVersions.version, modelId: models.id, name: models.name }).from(modelVersions).innerJoin(models, eq(models.id, modelVersions.modelId));
    for (const r of rows) {
      ids[r.version] = r.id;
      ids[r.name] = r.modelId;
    }
    const model = async (name: string, riskTier: string | null, docBand: string) => t.db.update(models).set({ riskTier, docBand }).where(eq(models.id, ids[name]!));
    await model("Retail credit scoring", "high", "complete");
    await model("CV screening assistant", "high", "nearly");
    await model("Customer service assistant", "limited", "partial");
    await model("Card fraud detection", "minimal", "empty");
    await model("Branch cash demand forecast", null, "empty");
    const version = async (label: string, stage: string, nextReviewDue: Date | null = null) => t.db.update(modelVersions).set({ stage, nextReviewDue }).where(eq(modelVersions.id, ids[label]!));
    await version("2.3.0", "approved", new Date(NOW.getTime() - 10 * DAY));
    await version("1.0.0", "in_review");
    await version("0.9.2", "deployed", new Date(NOW.getTime() + 30 * DAY));
    await version("4.1.0", "deployed", new Date(NOW.getTime() - 30 * DAY));
    await version("4.2.0", "draft");
    await version("1.4.0", "draft");

    // Evaluations: only the latest of each name on a version counts; a waiver counts while its latest one lasts.
    const evaluation = async (label: string, name: string, result: "pass" | "fail", createdAt: string) => {
      const [row] = await t.db
        .insert(evaluations)
        .values({ versionId: ids[label]!, name, source: "counts", inputSha256: "0".repeat(64), rows: 100, mapping: {}, counts: {}, metrics: {}, thresholds: {}, judgement: {}, result, createdByEmail: "owner@attest.demo", createdAt: at(createdAt) })
        .returning({ id: evaluations.id });
      return row!.id;
    };
    const waive = (evaluationId: string, waivedAt: string, expiresAt: Date) =>
      t.db.insert(evaluationWaivers).values({ evaluationId, justification: "Known gap, mitigated by a human review.", expiresAt, waivedByEmail: "officer@attest.demo", waivedAt: at(waivedAt) });
    await evaluation("2.3.0", "fairness", "fail", "2026-05-01T00:00:00Z"); // superseded by the re-run below
    await evaluation("2.3.0", "fairness", "pass", "2026-05-02T00:00:00Z");
    await waive(await evaluation("2.3.0", "robustness", "fail", "2026-05-03T00:00:00Z"), "2026-05-04T00:00:00Z", new Date(NOW.getTime() + 90 * DAY)); // waived
    await evaluation("1.0.0", "fairness", "fail", "2026-05-05T00:00:00Z");
    await waive(await evaluation("1.0.0", "robustness", "fail", "2026-05-06T00:00:00Z"), "2026-05-07T00:00:00Z", new Date(NOW.getTime() - DAY)); // lapsed: fail
    await evaluation("4.1.0", "fairness", "pass", "2026-05-08T00:00:00Z");
    const renewed = await evaluation("4.2.0", "fairness", "fail", "2026-05-09T00:00:00Z");
    await waive(renewed, "2026-05-10T00:00:00Z", new Date(NOW.getTime() + 10 * DAY));
    await waive(renewed, "2026-05-11T00:00:00Z", new Date(NOW.getTime() - DAY)); // the latest waiver has lapsed: fail

    // Reviews. Hours from submission to decision in the window: 10, 24, 4, 6, 20 → median 10.
    const request = async (label: string, submittedAt: string, status: "open" | "closed") => {
      const [row] = await t.db
        .insert(reviewRequests)
        .values({ versionId: ids[label]!, submittedByEmail: "owner@attest.demo", submittedAt: at(submittedAt), dossierHash: "d".repeat(64), dossier: {}, status, closedAt: status === "closed" ? at(submittedAt) : null })
        .returning({ id: reviewRequests.id });
      return row!.id;
    };
    const decide = (requestId: string, label: string, decision: string, decidedAt: string, extra: Partial<typeof reviewDecisions.$inferInsert> = {}) =>
      t.db.insert(reviewDecisions).values({ reviewRequestId: requestId, versionId: ids[label]!, decision, comment: decision === "approve" ? "" : "Please say who reviews the declines.", approverId: org.officer.actor.userId, approverEmail: "officer@attest.demo", approverRoles: ["compliance_officer"], dossierHash: "d".repeat(64), dossier: {}, decidedAt: at(decidedAt), ...extra });
    const old = await request("0.9.2", "2025-01-01T00:00:00Z", "closed");
    await decide(old, "0.9.2", "approve", "2025-01-02T00:00:00Z"); // outside the 26 weeks
    const r1 = await request("2.3.0", "2026-06-01T00:00:00Z", "closed");
    await decide(r1, "2.3.0", "approve", "2026-06-01T10:00:00Z");
    await decide(r1, "2.3.0", "approve", "2026-06-02T00:00:00Z");
    const r2 = await request("1.0.0", "2026-06-10T00:00:00Z", "closed");
    await decide(r2, "1.0.0", "request_changes", "2026-06-10T04:00:00Z");
    const r3 = await request("1.0.0", "2026-06-15T00:00:00Z", "open");
    await decide(r3, "1.0.0", "approve", "2026-06-15T06:00:00Z", { invalidatedAt: at("2026-06-16T12:00:00Z"), invalidatedByChange: "card revision 1 → 2" });
    const r4 = await request("1.4.0", "2026-06-16T00:00:00Z", "closed");
    await decide(r4, "1.4.0", "reject", "2026-06-16T20:00:00Z");

    const document = (id: string, issuedAt: string, auditSeq: number) =>
      t.db.insert(issuedDocuments).values({ id, kind: "technical_documentation", modelVersionId: ids["2.3.0"]!, modelSlug: "retail-credit-scoring", versionLabel: "2.3.0", sha256: "a".repeat(64), sizeBytes: 1000, issuedByEmail: "auditor@attest.demo", issuedAt: at(issuedAt), auditSeq });
    await document("ATT-2026-OLD00001", "2026-06-10T09:00:00Z", 900_001);
    await document("ATT-2026-NEW00002", "2026-06-16T09:00:00Z", 900_002);
  });

  describe("charts", () => {
    it("models by risk tier, every tier present", async () => {
      expect(await modelsByTier(t.db)).toEqual([
        { tier: "prohibited", models: 0 },
        { tier: "high", models: 2 },
        { tier: "limited", models: 1 },
        { tier: "minimal", models: 1 },
        { tier: "unclassified", models: 1 },
      ]);
    });

    it("versions by stage, with the models that have a version in it", async () => {
      expect(await versionsByStage(t.db)).toEqual([
        { stage: "draft", versions: 2, models: 2 },
        { stage: "in_review", versions: 1, models: 1 },
        { stage: "approved", versions: 1, models: 1 },
        { stage: "deployed", versions: 2, models: 2 },
        { stage: "retired", versions: 0, models: 0 },
      ]);
    });

    it("documentation completeness by band", async () => {
      expect(await completenessDistribution(t.db)).toEqual([
        { band: "complete", models: 1 },
        { band: "nearly", models: 1 },
        { band: "partial", models: 1 },
        { band: "empty", models: 2 },
      ]);
    });

    it("evaluations pass / fail / waived: the latest of each name, the latest waiver while it lasts", async () => {
      expect(await evaluationResults(t.db, NOW)).toEqual([
        { status: "pass", evaluations: 2, models: 2 },
        { status: "fail", evaluations: 3, models: 2 },
        { status: "waived", evaluations: 1, models: 1 },
      ]);
      // Once the waiver lapses, it is a failure like the others.
      expect(await evaluationResults(t.db, new Date(NOW.getTime() + 91 * DAY))).toEqual([
        { status: "pass", evaluations: 2, models: 2 },
        { status: "fail", evaluations: 4, models: 3 },
        { status: "waived", evaluations: 0, models: 0 },
      ]);
    });

    it("decisions per ISO week over 26 weeks, empty weeks included, older decisions left out", async () => {
      const weeks = await decisionsPerWeek(t.db, NOW);
      expect(weeks).toHaveLength(26);
      expect(weeks[0]!.week).toBe("2025-12-22");
      expect(weeks.at(-1)!.week).toBe("2026-06-15");
      expect(weeks.filter((w) => w.approved + w.changesRequested + w.rejected > 0)).toEqual([
        { week: "2026-06-01", approved: 2, changesRequested: 0, rejected: 0 },
        { week: "2026-06-08", approved: 0, changesRequested: 1, rejected: 0 },
        // The invalidated approval still counts: it was given that week.
        { week: "2026-06-15", approved: 1, changesRequested: 0, rejected: 1 },
      ]);
    });

    it("the median time from submission to decision, in hours, on a hand-computed set", async () => {
      // 10, 24, 4, 6, 20 hours → sorted 4, 6, 10, 20, 24 → 10.
      expect(await timeToDecision(t.db, NOW)).toEqual({ medianHours: 10, decisions: 5 });
      // Before the rejection (20 h) was taken: 4, 6, 10, 24 → percentile_cont interpolates (6 + 10) / 2.
      expect(await timeToDecision(t.db, at("2026-06-16T19:00:00Z"))).toEqual({ medianHours: 8, decisions: 4 });
      expect(await timeToDecision(t.db, at("2025-11-01T00:00:00Z"))).toEqual({ medianHours: null, decisions: 0 });
    });

    it("overdue reviews by tier: approved or deployed versions past their review date", async () => {
      expect(await overdueReviewsByTier(t.db, NOW)).toEqual([
        { tier: "high", versions: 1, models: 1 },
        { tier: "limited", versions: 0, models: 0 },
        { tier: "minimal", versions: 1, models: 1 },
        { tier: "unclassified", versions: 0, models: 0 },
      ]);
      // 31 days on, the customer service assistant's review is overdue too.
      expect((await overdueReviewsByTier(t.db, new Date(NOW.getTime() + 31 * DAY))).find((r) => r.tier === "limited")).toEqual({ tier: "limited", versions: 1, models: 1 });
    });

    it("the totals", async () => {
      expect(await portfolioTotals(t.db)).toEqual({ models: 5, versions: 6, openReviews: 1 });
    });

    it("weeks start on Monday, UTC", () => {
      expect(weekStart(NOW).toISOString()).toBe("2026-06-15T00:00:00.000Z");
      expect(weekStart(at("2026-06-15T00:00:00Z")).toISOString()).toBe("2026-06-15T00:00:00.000Z");
      expect(weekStart(at("2026-06-14T23:59:59Z")).toISOString()).toBe("2026-06-08T00:00:00.000Z");
    });
  });

  describe("every chart's link lands on an inventory with the chart's count", () => {
    const inventory = async (params: Record<string, string>, now = NOW) => (await inventoryPage(t.db, ZInventoryQuerySchema.parse({ pageSize: 200, ...params }), now)).models.map((m) => m.name).sort(); // code-unit order, whatever the database's collation

    it("tier, stage and completeness", async () => {
      for (const { tier, models: n } of await modelsByTier(t.db)) expect(await inventory({ tier }), tier).toHaveLength(n);
      for (const { stage, models: n } of await versionsByStage(t.db)) expect(await inventory({ stage }), stage).toHaveLength(n);
      for (const { band, models: n } of await completenessDistribution(t.db)) expect(await inventory({ completeness: band }), band).toHaveLength(n);
    });

    it("evaluation status (a new inventory filter)", async () => {
      expect(await inventory({ evaluation: "pass" })).toEqual(["Card fraud detection", "Retail credit scoring"]);
      expect(await inventory({ evaluation: "fail" })).toEqual(["CV screening assistant", "Card fraud detection"]);
      expect(await inventory({ evaluation: "waived" })).toEqual(["Retail credit scoring"]);
      expect(await inventory({ evaluation: "waived" }, new Date(NOW.getTime() + 91 * DAY))).toEqual([]);
      for (const { status, models: n } of await evaluationResults(t.db, NOW)) expect(await inventory({ evaluation: status }), status).toHaveLength(n);
    });

    it("overdue review (a new inventory filter), alone and with a tier", async () => {
      expect(await inventory({ review: "overdue" })).toEqual(["Card fraud detection", "Retail credit scoring"]);
      expect(await inventory({ review: "overdue", tier: "high" })).toEqual(["Retail credit scoring"]);
      expect(await inventory({ review: "overdue" }, new Date(NOW.getTime() + 31 * DAY))).toEqual(["Card fraud detection", "Customer service assistant", "Retail credit scoring"]);
      for (const { tier, models: n } of await overdueReviewsByTier(t.db, NOW)) expect(await inventory({ review: "overdue", tier }), tier).toHaveLength(n);
    });
  });

  describe("tasks", () => {
    it("an officer's: open reviews oldest first, overdue re-reviews longest overdue first", async () => {
      const tasks = await officerTasks(t.db, NOW);
      expect(tasks.reviews).toEqual([{ slug: "cv-screening-assistant", modelName: "CV screening assistant", version: "1.0.0", tier: "high", since: at("2026-06-15T00:00:00Z"), submittedBy: "owner@attest.demo", reason: "submission" }]);
      expect(tasks.reviewsTotal).toBe(1);
      expect(tasks.overdue.map((o) => [o.modelName, o.version, o.since.toISOString()])).toEqual([
        ["Card fraud detection", "4.1.0", new Date(NOW.getTime() - 30 * DAY).toISOString()],
        ["Retail credit scoring", "2.3.0", new Date(NOW.getTime() - 10 * DAY).toISOString()],
      ]);
      expect(tasks.overdueTotal).toBe(2);
    });

    it("an officer's: a periodic review in progress is an open review (as in the queue), no longer an overdue one nobody started", async () => {
      const rolledBack = await rejection(
        t.db.transaction(async (raw) => {
          const tx = raw as unknown as Db;
          // The card fraud detection model's 4.1.0 stays deployed while its periodic review is open.
          await tx.insert(reviewRequests).values({ versionId: ids["4.1.0"]!, submittedByEmail: "officer@attest.demo", submittedAt: at("2026-06-16T08:00:00Z"), dossierHash: "d".repeat(64), dossier: {}, status: "open", reason: "periodic" });
          const tasks = await officerTasks(tx, NOW);
          expect(tasks.reviews.map((r) => [r.modelName, r.version, r.reason, r.submittedBy])).toEqual([
            ["CV screening assistant", "1.0.0", "submission", "owner@attest.demo"],
            ["Card fraud detection", "4.1.0", "periodic", "officer@attest.demo"],
          ]);
          expect(tasks.reviewsTotal).toBe(2);
          expect(tasks.overdue.map((o) => [o.modelName, o.version])).toEqual([["Retail credit scoring", "2.3.0"]]);
          expect(tasks.overdueTotal).toBe(1);
          expect(await portfolioTotals(tx)).toMatchObject({ openReviews: 2 });
          // The same as the review queue, item for item.
          const queue = await reviewQueue(tx, { scope: "all", userId: null }, NOW);
          expect(queue.filter((i) => i.kind === "review").map((i) => [i.modelName, i.version]).sort()).toEqual(tasks.reviews.map((r) => [r.modelName, r.version]).sort());
          expect(queue.filter((i) => i.kind === "overdue_review").map((i) => [i.modelName, i.version])).toEqual(tasks.overdue.map((o) => [o.modelName, o.version]));
          raw.rollback();
        }),
      );
      expect(rolledBack.message).toBe("Rollback");
      expect((await officerTasks(t.db, NOW)).overdueTotal).toBe(2);
    });

    it("an owner's: sent back, invalidated and overdue, newest first; nobody else's", async () => {
      const tasks = await ownerTasks(t.db, org.owner.actor.userId, NOW);
      expect(tasks.map((task) => [task.kind, task.modelName, task.version])).toEqual([
        ["rejected", "Branch cash demand forecast", "1.4.0"],
        ["approval_invalidated", "CV screening assistant", "1.0.0"],
        ["review_overdue", "Retail credit scoring", "2.3.0"],
        ["review_overdue", "Card fraud detection", "4.1.0"],
      ]);
      expect(tasks[0]!.detail).toBe("officer@attest.demo: Please say who reviews the declines.");
      expect(tasks[1]!.detail).toBe("card revision 1 → 2");
      expect(await ownerTasks(t.db, org.officer.actor.userId, NOW)).toEqual([]);
    });

    it("an owner's drafts with what each still lacks before submission", async () => {
      const drafts = await draftReadiness(t.db, org.owner.actor.userId);
      expect(drafts.map((d) => d.version).sort()).toEqual(["1.4.0", "4.2.0"]);
      // No card and no confirmed classification on either; 4.2.0 also has a failing evaluation without a waiver in force.
      const codes = (label: string) => drafts.find((d) => d.version === label)!.unmet.map((p) => p.code);
      expect(codes("1.4.0")).toEqual(expect.arrayContaining(["classification_missing", "card_missing"]));
      expect(codes("1.4.0")).not.toContain("evaluation_failed");
      expect(codes("4.2.0")).toEqual(expect.arrayContaining(["card_missing"]));
      expect(await draftReadiness(t.db, org.officer.actor.userId)).toEqual([]);
    });

    it("an auditor's: documents issued and decisions taken since a time, newest first", async () => {
      const news = await newSince(t.db, at("2026-06-12T00:00:00Z"));
      expect(news.documents.map((d) => d.id)).toEqual(["ATT-2026-NEW00002"]);
      expect(news.documentsTotal).toBe(1);
      expect(news.decisions.map((d) => [d.decision, d.modelName, d.version])).toEqual([
        ["reject", "Branch cash demand forecast", "1.4.0"],
        ["approve", "CV screening assistant", "1.0.0"],
      ]);
      expect(news.decisionsTotal).toBe(2);
    });

    it("each role's page loads the portfolio for everyone and only the task lists the role calls for", async () => {
      const officer = await loadDashboard(t.db, org.officer.actor, NOW);
      expect(officer.totals).toEqual(await portfolioTotals(t.db));
      expect(officer.officer).toEqual(await officerTasks(t.db, NOW));
      expect([officer.owner, officer.drafts, officer.news]).toEqual([null, null, null]);
      expect(officer.head).not.toBeNull();

      const owner = await loadDashboard(t.db, org.owner.actor, NOW);
      expect(owner.owner).toEqual(await ownerTasks(t.db, org.owner.actor.userId, NOW));
      expect(owner.drafts?.map((d) => d.version).sort()).toEqual(["1.4.0", "4.2.0"]);
      expect([owner.officer, owner.classificationTasks, owner.news, owner.head]).toEqual([null, null, null, null]);
      expect(owner.recent).toEqual([]);

      // An auditor who never signed in before sees the last 30 days.
      const auditor = await loadDashboard(t.db, org.auditor.actor, NOW);
      expect([auditor.owner, auditor.officer]).toEqual([null, null]);
      expect(auditor.since).toEqual(new Date(NOW.getTime() - 30 * DAY));
      expect(auditor.news).toEqual(await newSince(t.db, auditor.since));
    });

    it("the previous sign-in is the one before the current session", async () => {
      const request = { requestId: "req-dash", ip: "192.0.2.60", userAgent: "vitest" };
      expect(await previousSignIn(t.db, "auditor@attest.demo")).toBeNull();
      await signIn(t.db, request, { email: "auditor@attest.demo", password: "attest-auditor-demo" });
      const first = await lastEvent(t.db);
      expect(first.action).toBe("auth.login_succeeded");
      expect(await previousSignIn(t.db, "auditor@attest.demo")).toBeNull();
      await signIn(t.db, request, { email: "auditor@attest.demo", password: "attest-auditor-demo" });
      expect((await previousSignIn(t.db, "auditor@attest.demo"))?.toISOString()).toBe(new Date(first.at).toISOString());
      expect(await previousSignIn(t.db, "officer@attest.demo")).toBeNull();
    });
  });
});
