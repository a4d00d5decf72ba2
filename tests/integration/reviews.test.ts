import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { deployments, modelMaintainers, modelVersions, reviewDecisions, riskClassifications } from "@/db/schema";
import { authenticateApiToken } from "@/lib/auth/load-actor";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { Conflict, Forbidden, InvalidInput, Unprocessable } from "@/lib/services/errors";
import { recordEvaluationCounts } from "@/lib/services/evaluations/record-counts";
import { waiveEvaluation } from "@/lib/services/evaluations/waive-evaluation";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { decideReview } from "@/lib/services/reviews/decide-review";
import { deployVersion } from "@/lib/services/reviews/deploy-version";
import { gateFor } from "@/lib/services/reviews/gate";
import { reviewQueue } from "@/lib/services/reviews/queue";
import { retireVersion } from "@/lib/services/reviews/retire-version";
import { setApprovalPolicy } from "@/lib/services/reviews/set-approval-policy";
import { submitForReview } from "@/lib/services/reviews/submit-for-review";
import { addObligationEvidence } from "@/lib/services/risk/add-evidence";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { overrideClassification } from "@/lib/services/risk/override-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { obligationsOfModel } from "@/lib/services/risk/queries";
import { updateObligation } from "@/lib/services/risk/update-obligation";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { createUser } from "@/lib/services/users/create-user";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { completeCard } from "../helpers/cards";
import { contextFor, databaseError, eventsSince, headSeq, lastEvent, rejection, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";
import { FAIR, HIGH, inAYear, MINIMAL, reviewVersions, UNFAIR } from "../helpers/review-versions";


forEachDatabase("reviews, approvals, deployments", (t) => {
  let org: Organisation;
  let officer2: UserContext;
  let counter = 0;

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "officer.two@bank.eu", name: "Otto Two", roles: ["compliance_officer"], password: TEST_PASSWORD });
    officer2 = await contextFor(t.db, "officer.two@bank.eu");
    ({ readyVersion, approvedVersion } = reviewVersions(t.db, org, officer2));
  });

  let readyVersion: ReturnType<typeof reviewVersions>["readyVersion"];
  let approvedVersion: ReturnType<typeof reviewVersions>["approvedVersion"];

  const stageOf = async (slug: string) => (await gateFor(t.db, slug, "1.0.0")).stage;

  /** The call fails, writes no audit event and leaves the stage as it was. */
  async function refused(slug: string, action: () => Promise<unknown>) {
    const [seq, stage] = [await headSeq(t.db), await stageOf(slug)];
    const error = await rejection(action());
    expect(await headSeq(t.db)).toBe(seq);
    expect(await stageOf(slug)).toBe(stage);
    return error;
  }
  const preconditionCodes = (error: Error & Record<string, unknown>) => (error.details as { preconditions: { code: string; link: { tab: string } }[] }).preconditions.map((p) => p.code);

  describe("submitForReview", () => {
    it("refuses with 422 and the list of each unmet precondition, until they are met", async () => {
      const model = await createModel(org.owner, { name: `Submit test ${++counter}` });
      const target = { slug: model.slug, version: "1.0.0" };
      await createModelVersion(org.owner, target);
      const submit = () => submitForReview(org.owner, target);

      let error = await refused(model.slug, submit);
      expect(error).toBeInstanceOf(Unprocessable);
      expect((error as unknown as { status: number }).status).toBe(422);
      expect(preconditionCodes(error)).toEqual(["classification_missing", "card_missing", "evaluation_missing"]);
      expect((error.details as { preconditions: { link: { tab: string } }[] }).preconditions.map((p) => p.link.tab)).toEqual(["risk", "card", "evaluations"]);

      // The card first: its first save sets the intended purpose, which would flag a decided classification for review.
      await saveModelCard(org.owner, { ...target, baseRevision: null, content: completeCard("minimal"), source: "api" });
      expect(preconditionCodes(await refused(model.slug, submit))).toEqual(["classification_missing", "card_incomplete", "evaluation_missing"]);
      const proposal = await proposeClassification(org.owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: HIGH });
      expect(preconditionCodes(await refused(model.slug, submit))).toEqual(["classification_unconfirmed", "card_incomplete", "evaluation_missing"]);
      await confirmClassification(org.officer, { classificationId: proposal.id });
      const codes = preconditionCodes(await refused(model.slug, submit));
      expect(codes.slice(0, 2)).toEqual(["card_incomplete", "evaluation_missing"]);
      expect(codes.length).toBeGreaterThan(2);
      expect(codes.slice(2).every((c) => c === "obligation_open")).toBe(true);

      await t.db.update(riskClassifications).set({ needsReview: true }).where(eq(riskClassifications.id, proposal.id));
      expect(preconditionCodes(await refused(model.slug, submit))[0]).toBe("classification_needs_review");
      await t.db.update(riskClassifications).set({ needsReview: false }).where(eq(riskClassifications.id, proposal.id));

      await saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("high"), source: "api" });
      expect(preconditionCodes(await refused(model.slug, submit))[0]).toBe("evaluation_missing");

      const failing = await recordEvaluationCounts(org.owner, { ...target, name: "holdout", ...UNFAIR });
      expect(failing.result).toBe("fail");
      expect(preconditionCodes(await refused(model.slug, submit))[0]).toBe("evaluation_failed");
      await waiveEvaluation(org.officer, { evaluationId: failing.id, justification: "Accepted for the pilot; retrain next quarter.", expiresAt: inAYear() });

      const duties = (await obligationsOfModel(t.db, model.id)).filter((o) => o.applicable);
      for (const o of duties.slice(1)) await updateObligation(org.owner, { obligationId: o.id, status: "met", note: "On file." });
      await updateObligation(org.owner, { obligationId: duties[0]!.id, status: "not_applicable", note: "Does not apply: rule-based pre-filter." });

      const before = await headSeq(t.db);
      const result = await submitForReview(org.owner, target);
      expect(result.stage).toBe("in_review");
      expect(result.dossierHash).toMatch(/^[0-9a-f]{64}$/);
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "review.submitted", entityType: "model_version", actorEmail: "owner@attest.demo", data: { slug: model.slug, version: "1.0.0", reviewRequestId: result.reviewRequestId, dossierHash: result.dossierHash, tier: "high" } });

      // In review already: a second submission is a 409.
      expect(await refused(model.slug, submit)).toBeInstanceOf(Conflict);
    });

    it("never submits a prohibited model", async () => {
      const { model, target } = await readyVersion("minimal");
      const proposal = await proposeClassification(org.owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: MINIMAL });
      await overrideClassification(org.officer, { classificationId: proposal.id, tier: "prohibited", justification: "Used for social scoring, which Art. 5 prohibits." });
      const error = await refused(model.slug, () => submitForReview(org.owner, target));
      expect(preconditionCodes(error)).toEqual(["prohibited"]);
    });

    it("is for the model's owner and maintainers only", async () => {
      await createUser(org.admin, { email: "other.owner@bank.eu", name: "Olga Other", roles: ["model_owner"], password: TEST_PASSWORD });
      const other = await contextFor(t.db, "other.owner@bank.eu");
      const { model, target } = await readyVersion("minimal");
      expect(await refused(model.slug, () => submitForReview(other, target))).toBeInstanceOf(Forbidden);
      expect(await refused(model.slug, () => submitForReview(org.officer, target))).toBeInstanceOf(Forbidden);
      await t.db.insert(modelMaintainers).values({ modelId: model.id, userId: other.actor.userId });
      expect((await submitForReview(other, target)).stage).toBe("in_review");
    });
  });

  describe("decisions and separation of duties", () => {
    let dual: Record<string, UserContext>;
    beforeAll(async () => {
      dual = {};
      for (const [key, roles] of [
        ["owner", ["model_owner", "compliance_officer"]],
        ["maintainer", ["model_owner", "compliance_officer"]],
        ["submitter", ["model_owner", "compliance_officer"]],
        ["author", ["model_owner", "compliance_officer"]],
        ["admin", ["admin", "compliance_officer"]],
        ["auditor", ["auditor", "compliance_officer"]],
      ] as const) {
        await createUser(org.admin, { email: `sod.${key}@bank.eu`, name: `SoD ${key}`, roles: [...roles], password: TEST_PASSWORD });
        dual[key] = await contextFor(t.db, `sod.${key}@bank.eu`);
      }
    });

    it("refuses the owner, a maintainer, the submitter, a card author, admins, auditors and a second approval by the same officer (403); high risk needs two officers", async () => {
      const { model, target } = await readyVersion("high", { owner: dual.owner, author: dual.author, maintainers: [dual.maintainer!, dual.submitter!, dual.author!] });
      await submitForReview(dual.submitter!, target);
      // The submitter and the card author no longer maintain the model: what bars them is what they did.
      await t.db.delete(modelMaintainers).where(and(eq(modelMaintainers.modelId, model.id), eq(modelMaintainers.userId, dual.submitter!.actor.userId)));
      await t.db.delete(modelMaintainers).where(and(eq(modelMaintainers.modelId, model.id), eq(modelMaintainers.userId, dual.author!.actor.userId)));
      const approve = (ctx: UserContext) => () => decideReview(ctx, { ...target, decision: "approve" });

      for (const [who, pattern] of [
        ["owner", /You own this model/],
        ["maintainer", /You maintain this model/],
        ["submitter", /You submitted this version/],
        ["author", /You wrote a revision of the model card/],
        ["admin", /admin role/],
        ["auditor", /auditor role/],
      ] as const) {
        const error = await refused(model.slug, approve(dual[who]!));
        expect(error, who).toBeInstanceOf(Forbidden);
        expect(error.message, who).toMatch(pattern);
        // Rejecting is refused to them too.
        expect(await refused(model.slug, () => decideReview(dual[who]!, { ...target, decision: "reject", comment: "No." }))).toBeInstanceOf(Forbidden);
      }
      for (const plain of [org.admin, org.auditor, org.owner]) expect(await refused(model.slug, approve(plain))).toBeInstanceOf(Forbidden);

      const before = await headSeq(t.db);
      const first = await decideReview(org.officer, { ...target, decision: "approve", comment: "Looks complete." });
      expect(first).toMatchObject({ stage: "in_review", approvalsValid: 1, required: 2, nextReviewDue: null });
      const same = await refused(model.slug, approve(org.officer));
      expect(same).toBeInstanceOf(Forbidden);
      expect(same.message).toMatch(/already approved/);

      const second = await decideReview(officer2, { ...target, decision: "approve" });
      expect(second).toMatchObject({ stage: "approved", approvalsValid: 2, required: 2 });
      const row = (await t.db.select().from(modelVersions).where(eq(modelVersions.modelId, model.id)))[0]!;
      expect(row.stage).toBe("approved");
      expect(row.approvedAt).not.toBeNull();
      expect(row.nextReviewDue!.getTime() - row.approvedAt!.getTime()).toBe(180 * 86_400_000);

      const events = await eventsSince(t.db, before);
      expect(events.map((e) => e.action)).toEqual(["review.approved", "review.approved"]);
      expect(events[0]!.data).toMatchObject({ stageBefore: "in_review", stageAfter: "in_review", approvalsValid: 1, required: 2, comment: "Looks complete." });
      expect(events[1]!.data).toMatchObject({ stageAfter: "approved", nextReviewDue: row.nextReviewDue!.toISOString() });
      const decisions = await t.db.select().from(reviewDecisions).where(eq(reviewDecisions.versionId, row.id));
      expect(new Set(decisions.map((d) => d.dossierHash))).toEqual(new Set([(await gateFor(t.db, model.slug, "1.0.0")).dossierHash]));

      // Fully approved: nobody decides on it any more.
      expect(await refused(model.slug, () => decideReview(dual.admin!, { ...target, decision: "approve" }))).toBeInstanceOf(Conflict);
    });

    it("request changes and reject need a comment (400) and send the version back to draft", async () => {
      const { model, target } = await readyVersion("minimal");
      await submitForReview(org.owner, target);
      for (const decision of ["request_changes", "reject"] as const) {
        const error = await refused(model.slug, () => decideReview(org.officer, { ...target, decision, comment: "  " }));
        expect(error).toBeInstanceOf(InvalidInput);
        expect((error.details as { fields: Record<string, string> }).fields.comment).toMatch(/comment is required/);
      }
      await decideReview(org.officer, { ...target, decision: "request_changes", comment: "Describe the monitoring plan." });
      expect(await stageOf(model.slug)).toBe("draft");
      expect(await lastEvent(t.db)).toMatchObject({ action: "review.changes_requested", data: { comment: "Describe the monitoring plan.", stageAfter: "draft" } });

      await submitForReview(org.owner, target);
      await decideReview(org.officer, { ...target, decision: "reject", comment: "Out of appetite." });
      expect(await stageOf(model.slug)).toBe("draft");
      expect(await lastEvent(t.db)).toMatchObject({ action: "review.rejected", data: { comment: "Out of appetite.", stageAfter: "draft" } });
      // A draft has no review to decide on.
      expect(await refused(model.slug, () => decideReview(org.officer, { ...target, decision: "approve" }))).toBeInstanceOf(Conflict);

      // Resubmitted: a minimal-risk version needs one approval.
      await submitForReview(org.owner, target);
      expect((await decideReview(officer2, { ...target, decision: "approve" })).stage).toBe("approved");
    });
  });

  describe("invalidation by each kind of dossier change", () => {
    async function expectInvalidated(slug: string, before: number, action: string, change: RegExp) {
      expect(await stageOf(slug)).toBe("in_review");
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      const event = events[0]!;
      expect(event.action).toBe(action);
      const invalidated = (event.data as { invalidatedApprovals: { approvalId: string; approverEmail: string; change: string; stageBefore: string; stageAfter: string }[] }).invalidatedApprovals;
      expect(invalidated.map((i) => i.approverEmail).sort()).toEqual(["officer.two@bank.eu", "officer@attest.demo"]);
      for (const i of invalidated) {
        expect(i.change).toMatch(change);
        expect(i).toMatchObject({ stageBefore: "approved", stageAfter: "in_review" });
        const [row] = await t.db.select().from(reviewDecisions).where(eq(reviewDecisions.id, i.approvalId));
        expect(row).toMatchObject({ invalidatedByChange: i.change, invalidationSeq: event.seq });
        expect(row!.invalidatedAt).not.toBeNull();
      }
      const gate = await gateFor(t.db, slug, "1.0.0");
      expect(gate.deployable).toBe(false);
      expect(gate.approvals.every((a) => !a.valid)).toBe(true);
      return invalidated;
    }

    it("a card save", async () => {
      const { model, target } = await approvedVersion("high");
      const before = await headSeq(t.db);
      await saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("high", "v2"), source: "api" });
      await expectInvalidated(model.slug, before, "model_card.saved", /^card revision 1 → 2$/);
      // The same officers may approve the new dossier.
      await decideReview(org.officer, { ...target, decision: "approve" });
      expect((await decideReview(officer2, { ...target, decision: "approve" })).stage).toBe("approved");
      expect((await gateFor(t.db, model.slug, "1.0.0")).deployable).toBe(true);
    });

    it("a reclassification", async () => {
      const { model } = await approvedVersion("high");
      const proposal = await proposeClassification(org.owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: HIGH });
      const before = await headSeq(t.db);
      await confirmClassification(org.officer, { classificationId: proposal.id });
      await expectInvalidated(model.slug, before, "risk.confirmed", /risk classification replaced \(still high risk\)/);
    });

    it("a new evaluation", async () => {
      const { model, target } = await approvedVersion("high");
      const before = await headSeq(t.db);
      await recordEvaluationCounts(org.owner, { ...target, name: "shadow", ...FAIR });
      await expectInvalidated(model.slug, before, "evaluation.created", /^evaluation shadow added \(pass\)$/);
    });

    it("a waiver", async () => {
      const { model, evaluationId } = await approvedVersion("high", { failingWaived: true });
      const before = await headSeq(t.db);
      await waiveEvaluation(org.officer, { evaluationId: evaluationId!, justification: "Extended after the retraining slipped a month.", expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() });
      await expectInvalidated(model.slug, before, "evaluation.waived", /evaluation holdout waiver (expiry|justification)/);
    });

    it("an obligation update", async () => {
      const { model } = await approvedVersion("high");
      const duty = (await obligationsOfModel(t.db, model.id)).find((o) => o.article === "Art. 9")!;
      const before = await headSeq(t.db);
      await updateObligation(org.owner, { obligationId: duty.id, note: "Risk register RM-12, reviewed again." });
      await expectInvalidated(model.slug, before, "obligation.updated", /^obligation Art\. 9 note changed$/);
    });

    it("new evidence", async () => {
      const { model } = await approvedVersion("high");
      const duty = (await obligationsOfModel(t.db, model.id)).find((o) => o.article === "Art. 9")!;
      const before = await headSeq(t.db);
      await addObligationEvidence(org.owner, { obligationId: duty.id, url: "https://wiki.example/rm-12" });
      await expectInvalidated(model.slug, before, "obligation.evidence_added", /^obligation Art\. 9 evidence added: link https:\/\/wiki\.example\/rm-12$/);
    });

    it("leaves a draft alone and writes no invalidation into the event", async () => {
      const { target } = await readyVersion("minimal");
      await saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("minimal", "v2"), source: "api" });
      const event = await lastEvent(t.db);
      expect(event.action).toBe("model_card.saved");
      expect(event.data).not.toHaveProperty("invalidatedApprovals");
    });
  });

  describe("deployment, retirement and the gate", () => {
    it("the gate answers no before approval, yes after, and no after a card edit", async () => {
      const { model, target } = await readyVersion("high");
      const draft = await gateFor(t.db, model.slug, "1.0.0");
      expect(draft).toMatchObject({ deployable: false, stage: "draft" });
      expect(draft.reasons.map((r) => r.code)).toEqual(["not_approved", "approvals_missing"]);
      await submitForReview(org.owner, target);
      await decideReview(org.officer, { ...target, decision: "approve" });
      expect((await gateFor(t.db, model.slug, "1.0.0")).reasons.map((r) => r.code)).toEqual(["not_approved", "approvals_missing"]);
      await decideReview(officer2, { ...target, decision: "approve" });
      const open = await gateFor(t.db, model.slug, "1.0.0");
      expect(open).toMatchObject({ deployable: true, stage: "approved", reasons: [], approvalsRequired: 2 });
      expect(open.approvals.map((a) => a.approverEmail).sort()).toEqual(["officer.two@bank.eu", "officer@attest.demo"]);
      expect(open.approvals.every((a) => a.valid && a.dossierHash === open.dossierHash)).toBe(true);
      expect(open.nextReviewDue).not.toBeNull();

      await saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("high", "v2"), source: "api" });
      const closed = await gateFor(t.db, model.slug, "1.0.0");
      expect(closed.deployable).toBe(false);
      expect(closed.reasons.map((r) => r.code)).toEqual(["not_approved", "approvals_missing", "dossier_changed"]);
      expect(closed.reasons[2]!.message).toMatch(/card revision 1 → 2/);
      expect(closed.dossierHash).not.toBe(open.dossierHash);

      // An overdue periodic review closes the gate too.
      await decideReview(org.officer, { ...target, decision: "approve" });
      await decideReview(officer2, { ...target, decision: "approve" });
      const later = new Date(Date.now() + 181 * 86_400_000);
      expect((await gateFor(t.db, model.slug, "1.0.0", later)).reasons.map((r) => r.code)).toEqual(["review_overdue"]);
      const queue = await reviewQueue(t.db, { scope: "all", userId: org.officer.actor.userId }, later);
      expect(queue.find((i) => i.slug === model.slug)).toMatchObject({ kind: "overdue_review", tier: "high" });
    });

    it("deploys only what the gate allows (409 before), recording the environment, strategy and token", async () => {
      const { model, target } = await readyVersion("minimal");
      const early = await refused(model.slug, () => deployVersion(org.owner, { ...target, environment: "production" }));
      expect(early).toBeInstanceOf(Conflict);
      expect((early.details as { gate: { reasons: { code: string }[] } }).gate.reasons.map((r) => r.code)).toContain("not_approved");

      await submitForReview(org.owner, target);
      await decideReview(org.officer, { ...target, decision: "approve" });
      const { secret, token } = await createApiToken(org.admin, { ownerEmail: "owner@attest.demo", name: "credit CI", scopes: ["deployments:write", "gate:read"] });
      const pipeline: ServiceContext = { db: t.db, actor: (await authenticateApiToken(t.db, secret))!, request: NO_REQUEST };
      expect(await refused(model.slug, () => deployVersion(pipeline, { ...target, environment: "  " }))).toBeInstanceOf(InvalidInput);
      expect(await refused(model.slug, () => deployVersion(org.officer, { ...target, environment: "production" }))).toBeInstanceOf(Forbidden);

      const before = await headSeq(t.db);
      const { deployment, stage } = await deployVersion(pipeline, { ...target, environment: "production", strategy: "canary" });
      expect(stage).toBe("deployed");
      expect(deployment).toMatchObject({ environment: "production", strategy: "canary", tokenId: token.id, deployedByEmail: "owner@attest.demo" });
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "version.deployed", tokenId: token.id, data: { environment: "production", strategy: "canary", tokenId: token.id, stageBefore: "approved" } });

      // A deployed version may go to another environment; the gate still says yes.
      await deployVersion(org.owner, { ...target, environment: "eu-west" });
      expect(await t.db.select().from(deployments).where(eq(deployments.versionId, deployment.versionId))).toHaveLength(2);
      expect((await gateFor(t.db, model.slug, "1.0.0")).deployable).toBe(true);
    });

    it("retires with a reason only; a retired version is read-only and kept ten years", async () => {
      const { model, target } = await readyVersion("minimal");
      expect(await refused(model.slug, () => retireVersion(org.owner, { ...target, reason: "Replaced." }))).toBeInstanceOf(Conflict);
      await submitForReview(org.owner, target);
      await decideReview(org.officer, { ...target, decision: "approve" });
      await deployVersion(org.owner, { ...target, environment: "production" });
      const error = await refused(model.slug, () => retireVersion(org.owner, { ...target, reason: "   " }));
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error.details as { fields: Record<string, string> }).fields.reason).toMatch(/reason is required/);

      const retired = await retireVersion(org.owner, { ...target, reason: "Replaced by 2.0." });
      expect(retired).toMatchObject({ stage: "retired", retiredReason: "Replaced by 2.0." });
      const years = retired.retentionUntil!.getUTCFullYear() - retired.leftServiceAt!.getUTCFullYear();
      expect(years).toBe(10);
      expect(await lastEvent(t.db)).toMatchObject({ action: "version.retired", data: { reason: "Replaced by 2.0.", stageBefore: "deployed" } });

      expect(await refused(model.slug, () => saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("minimal", "v9"), source: "api" }))).toBeInstanceOf(Conflict);
      expect(await refused(model.slug, () => deployVersion(org.owner, { ...target, environment: "production" }))).toBeInstanceOf(Conflict);
      expect(await refused(model.slug, () => submitForReview(org.owner, target))).toBeInstanceOf(Conflict);
      expect(await refused(model.slug, () => retireVersion(org.owner, { ...target, reason: "Again." }))).toBeInstanceOf(Conflict);
    });
  });

  describe("the record", () => {
    it("decisions can only be invalidated, once; deployments cannot change; neither can be deleted", async () => {
      const { model, target } = await approvedVersion("minimal");
      await deployVersion(org.owner, { ...target, environment: "production" });
      const [version] = await t.db.select().from(modelVersions).where(eq(modelVersions.modelId, model.id));
      const [decision] = await t.db.select().from(reviewDecisions).where(eq(reviewDecisions.versionId, version!.id));
      for (const attempt of [
        () => t.db.update(reviewDecisions).set({ comment: "rewritten" }).where(eq(reviewDecisions.id, decision!.id)),
        () => t.db.update(reviewDecisions).set({ dossierHash: "0".repeat(64) }).where(eq(reviewDecisions.id, decision!.id)),
        () => t.db.delete(reviewDecisions).where(eq(reviewDecisions.id, decision!.id)),
        () => t.db.update(deployments).set({ environment: "staging" }).where(eq(deployments.versionId, version!.id)),
        () => t.db.delete(deployments).where(eq(deployments.versionId, version!.id)),
      ]) {
        expect(databaseError(await rejection(attempt())).message).toMatch(/immutable/);
      }
      await saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("minimal", "v2"), source: "api" });
      const [invalidated] = await t.db.select().from(reviewDecisions).where(eq(reviewDecisions.id, decision!.id));
      expect(invalidated!.invalidatedAt).not.toBeNull();
      const again = () => t.db.update(reviewDecisions).set({ invalidatedByChange: "something else" }).where(eq(reviewDecisions.id, decision!.id));
      expect(databaseError(await rejection(again())).message).toMatch(/immutable/);
    });
  });

  describe("concurrency", () => {
    it("two officers approving at once both count; a card save and a reclassification at once both invalidate, without deadlock", async () => {
      const { model, target } = await readyVersion("high");
      await submitForReview(org.owner, target);
      const decided = await Promise.all([decideReview(org.officer, { ...target, decision: "approve" }), decideReview(officer2, { ...target, decision: "approve" })]);
      expect(decided.map((d) => d.stage).sort()).toEqual(["approved", "in_review"]);
      expect(await stageOf(model.slug)).toBe("approved");

      const proposal = await proposeClassification(org.owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: HIGH });
      const before = await headSeq(t.db);
      await Promise.all([
        saveModelCard(org.owner, { ...target, baseRevision: 1, content: completeCard("high", "v2"), source: "api" }),
        confirmClassification(org.officer, { classificationId: proposal.id }),
      ]);
      expect(await stageOf(model.slug)).toBe("in_review");
      const invalidated = (await eventsSince(t.db, before)).flatMap((e) => ((e.data as { invalidatedApprovals?: { approvalId: string }[] }).invalidatedApprovals ?? []).map((i) => i.approvalId));
      // Each approval was invalidated once, by whichever change came first.
      expect(invalidated.sort()).toEqual(decided.map((d) => d.decision.id).sort());
    });
  });

  describe("the review queue and the approval policy", () => {
    it("lists what waits, high risk first then oldest; 'mine' leaves out what I approved", async () => {
      const minimal = await readyVersion("minimal");
      await submitForReview(org.owner, minimal.target);
      const high = await readyVersion("high");
      await submitForReview(org.owner, high.target);
      const all = await reviewQueue(t.db, { scope: "all", userId: org.officer.actor.userId });
      const slugs = all.map((i) => i.slug);
      expect(slugs.indexOf(high.model.slug)).toBeLessThan(slugs.indexOf(minimal.model.slug));
      const rank = all.map((i) => ({ high: 0, limited: 1, minimal: 2 })[i.tier as "high"] ?? 0);
      expect(rank).toEqual([...rank].sort((x, y) => x - y));
      expect(all.find((i) => i.slug === high.model.slug)).toMatchObject({ kind: "review", approvalsValid: 0, approvalsRequired: 2, submittedBy: "owner@attest.demo" });

      await decideReview(org.officer, { ...high.target, decision: "approve" });
      const mine = await reviewQueue(t.db, { scope: "mine", userId: org.officer.actor.userId });
      expect(mine.map((i) => i.slug)).not.toContain(high.model.slug);
      expect(mine.map((i) => i.slug)).toContain(minimal.model.slug);
      const theirs = await reviewQueue(t.db, { scope: "mine", userId: officer2.actor.userId });
      expect(theirs.find((i) => i.slug === high.model.slug)).toMatchObject({ approvalsValid: 1, approvedBy: ["officer@attest.demo"] });
    });

    it("an admin sets the approvals per tier; high risk never below two", async () => {
      expect(await rejection(setApprovalPolicy(org.officer, { minimal: { approvalsRequired: 2 } }))).toBeInstanceOf(Forbidden);
      expect(await rejection(setApprovalPolicy(org.admin, { high: { approvalsRequired: 1 } }))).toBeInstanceOf(InvalidInput);
      await setApprovalPolicy(org.admin, { minimal: { approvalsRequired: 2 } });
      expect(await lastEvent(t.db)).toMatchObject({ action: "policy.approval_policy_changed", data: { after: { minimal: { approvalsRequired: 2, reviewIntervalDays: 730 } } } });
      const { target } = await readyVersion("minimal");
      await submitForReview(org.owner, target);
      expect((await decideReview(org.officer, { ...target, decision: "approve" })).stage).toBe("in_review");
      expect((await decideReview(officer2, { ...target, decision: "approve" })).stage).toBe("approved");
      await setApprovalPolicy(org.admin, {});
    });
  });
});
