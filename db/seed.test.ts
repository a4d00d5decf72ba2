import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, deployments, evaluations, models, modelVersions, obligations, reviewComments, reviewDecisions, reviewRequests, riskClassifications } from "@/db/schema";
import { verifyAuditChain } from "@/lib/services/audit/queries";
import { reviewQueue } from "@/lib/services/reviews/queue";
import { contextFor } from "@/tests/helpers/fixtures";
import type { TEvaluationMetrics } from "@/lib/domain/fairness/evaluation";
import type { TJudgement } from "@/lib/domain/fairness/judge";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { seedDemo } from "./seed";

describe("the demo seed [PGlite]", () => {
  const t = useTestDatabase("pglite");

  it("classifies the demo models after their cards, so no classification starts out needing review", async () => {
    expect(await seedDemo(t.db)).not.toBeNull();
    const rows = await t.db
      .select({ slug: models.slug, riskTier: models.riskTier, status: riskClassifications.status, finalTier: riskClassifications.finalTier, needsReview: riskClassifications.needsReview })
      .from(riskClassifications)
      .innerJoin(models, eq(models.id, riskClassifications.modelId))
      .orderBy(models.slug);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row.slug).toMatchObject({ status: "confirmed", finalTier: row.riskTier, needsReview: false });
    expect((await t.db.select().from(obligations)).length).toBeGreaterThan(0);
    // Seeding twice does nothing.
    expect(await seedDemo(t.db)).toBeNull();
  });

  it("uploads the demo evaluations through the upload verb: credit fails on age only, fraud 4.2.0 beats 4.1.0", async () => {
    const rows = await t.db
      .select({ slug: models.slug, version: modelVersions.version, evaluation: evaluations })
      .from(evaluations)
      .innerJoin(modelVersions, eq(modelVersions.id, evaluations.versionId))
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .orderBy(models.slug, modelVersions.version);
    expect(rows.map((r) => [r.slug, r.version, r.evaluation.result, r.evaluation.rows])).toEqual([
      ["card-fraud-detection", "4.1.0", "pass", 20_000],
      ["card-fraud-detection", "4.2.0", "pass", 20_000],
      ["retail-credit-scoring", "2.3.0", "fail", 10_000],
    ]);
    const [fraud41, fraud42, credit] = rows.map((r) => ({ ...r.evaluation, metrics: r.evaluation.metrics as TEvaluationMetrics, judgement: r.evaluation.judgement as TJudgement }));

    // Credit: age_band fails the demographic parity ratio; sex passes everything.
    expect(credit!.judgement.failures).toContainEqual(expect.objectContaining({ attribute: "age_band", metric: "demographicParityRatio", groups: ["18-25", "41-65"] }));
    expect(credit!.judgement.failures.filter((f) => f.attribute === "sex")).toEqual([]);
    expect(credit!.metrics.attributes.age_band!.demographicParityRatio).toBeLessThan(0.8);
    expect(credit!.metrics.attributes.sex!.demographicParityRatio).toBeGreaterThan(0.9);
    expect(Object.keys(credit!.metrics.intersections)).toEqual(["sex*age_band"]);
    expect(Object.keys(credit!.metrics.intersections["sex*age_band"]!.groups)).toHaveLength(8);
    expect(credit!.mapping).toMatchObject({ references: { sex: "male", age_band: "41-65" } });

    // Fraud: 4.2.0 is better on every performance metric, and faster.
    for (const metric of ["accuracy", "f1", "rocAuc", "precision", "recall"] as const) {
      expect(fraud42!.metrics.overall[metric]!, metric).toBeGreaterThan(fraud41!.metrics.overall[metric]!);
    }
    expect([fraud41!.latencyMs, fraud42!.latencyMs]).toEqual([38, 27]);

    // Audited like uploads, by the seed.
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "evaluation.created"));
    expect(events.map((e) => [e.actorEmail, e.entityId]).sort()).toEqual(rows.map((r) => ["system:seed", r.evaluation.id]).sort());
    expect(events.every((e) => (e.data as { source: string }).source === "csv")).toBe(true);
  });

  it("plays a review story through the verbs: deployed, retired, changes requested with an answered comment, and one waiting", async () => {
    const stages = await t.db
      .select({ slug: models.slug, version: modelVersions.version, stage: modelVersions.stage, nextReviewDue: modelVersions.nextReviewDue, retentionUntil: modelVersions.retentionUntil })
      .from(modelVersions)
      .innerJoin(models, eq(models.id, modelVersions.modelId))
      .orderBy(models.slug, modelVersions.version);
    const stageOf = (slug: string, version: string) => stages.find((s) => s.slug === slug && s.version === version);
    expect(stageOf("card-fraud-detection", "4.0.0")).toMatchObject({ stage: "retired", retentionUntil: expect.any(Date) });
    expect(stageOf("card-fraud-detection", "4.1.0")).toMatchObject({ stage: "deployed", nextReviewDue: expect.any(Date) });
    expect(stageOf("complaint-email-triage", "1.2.0")).toMatchObject({ stage: "draft" });
    expect(stageOf("transaction-categorisation", "3.0.0")).toMatchObject({ stage: "in_review" });

    const deployed = await t.db.select({ environment: deployments.environment, strategy: deployments.strategy, by: deployments.deployedByEmail }).from(deployments).orderBy(deployments.deployedAt);
    expect(deployed).toEqual([
      { environment: "production", strategy: "direct", by: "owner@attest.demo" },
      { environment: "production", strategy: "blue-green", by: "owner@attest.demo" },
    ]);

    // Decided by the demo officer, who wrote no card revision; the owner answered the field comment.
    const decisions = await t.db.select({ decision: reviewDecisions.decision, by: reviewDecisions.approverEmail }).from(reviewDecisions).orderBy(reviewDecisions.decidedAt);
    expect(decisions).toEqual([
      { decision: "approve", by: "officer@attest.demo" },
      { decision: "approve", by: "officer@attest.demo" },
      { decision: "request_changes", by: "officer@attest.demo" },
    ]);
    const comments = await t.db.select({ fieldPath: reviewComments.fieldPath, parentId: reviewComments.parentId, by: reviewComments.authorEmail }).from(reviewComments).orderBy(reviewComments.createdAt);
    expect(comments).toEqual([
      { fieldPath: "intendedUse.outOfScopeUses", parentId: null, by: "officer@attest.demo" },
      expect.objectContaining({ parentId: expect.any(String), by: "owner@attest.demo" }),
    ]);

    // Submissions are dated back so the queue and the time to decision look lived-in; decisions stay "now".
    const requests = await t.db.select({ status: reviewRequests.status, submittedAt: reviewRequests.submittedAt }).from(reviewRequests).orderBy(reviewRequests.submittedAt);
    const daysAgo = requests.map((r) => Math.round((Date.now() - r.submittedAt.getTime()) / 86_400_000));
    expect(daysAgo).toEqual([9, 3, 2, 1]);
    expect(requests.map((r) => r.status)).toEqual(["closed", "closed", "closed", "open"]);

    const officer = await contextFor(t.db, "officer@attest.demo");
    const queue = await reviewQueue(t.db, { userId: officer.actor.userId, scope: "all" });
    expect(queue.map((q) => [q.slug, q.version, q.kind])).toEqual([["transaction-categorisation", "3.0.0", "review"]]);

    // Every step audited, and the chain still verifies.
    const actions = (await t.db.select({ action: auditEvents.action }).from(auditEvents)).map((e) => e.action);
    for (const [action, n] of [["review.submitted", 4], ["review.approved", 2], ["review.changes_requested", 1], ["version.deployed", 2], ["version.retired", 1], ["review.comment_added", 1], ["review.comment_replied", 1]] as const) {
      expect(actions.filter((a) => a === action), action).toHaveLength(n);
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
