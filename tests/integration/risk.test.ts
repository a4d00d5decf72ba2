import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { models, obligations, riskClassifications } from "@/db/schema";
import { QUESTIONS } from "@/lib/domain/risk/questionnaire";
import { evaluateRisk, parseRiskAnswers, RULESET_VERSION, type TRiskAnswersInput } from "@/lib/domain/risk/ruleset";
import { Conflict, Forbidden, InvalidInput, NotFound, Unprocessable } from "@/lib/services/errors";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { addObligationEvidence } from "@/lib/services/risk/add-evidence";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { overrideClassification } from "@/lib/services/risk/override-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { classificationHistory, currentClassification, obligationsOfModel } from "@/lib/services/risk/queries";
import { updateObligation } from "@/lib/services/risk/update-obligation";
import { createUser } from "@/lib/services/users/create-user";
import { contextFor, eventsSince, headSeq, rejection, rowCount, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

/** A credit-scoring system placed on the market by its provider: high risk under Annex III 5(b). */
const CREDIT: TRiskAnswersInput = { role: "provider", annexIIIPoints: ["5(b)"] };
/** The same system relying on the Art. 6(3) derogation, condition (a), without profiling: not high-risk. */
const DEROGATED: TRiskAnswersInput = { role: "provider", annexIIIPoints: ["5(b)"], derogation: ["a"], profiling: false };
const HIGH_RISK_PROVIDER = ["Art. 4", "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17", "Art. 43", "Art. 47", "Art. 49(1)", "Art. 72", "Art. 73"];

const evaluation = (answers: TRiskAnswersInput) => {
  const parsed = parseRiskAnswers(answers);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return { answers: parsed.answers, result: evaluateRisk(parsed.answers) };
};

forEachDatabase("risk classification", (t) => {
  let org: Organisation;
  let other: UserContext;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "other.owner@bank.eu", name: "Olga Other", roles: ["model_owner"], password: TEST_PASSWORD });
    other = await contextFor(t.db, "other.owner@bank.eu");
  });

  let counter = 0;
  const freshModel = (ctx: UserContext = org.owner) => createModel(ctx, { name: `Risk test ${++counter}`, purpose: "Scores loan applicants for default risk." });
  const propose = (ctx: UserContext, slug: string, answers: unknown, rulesetVersion = RULESET_VERSION) => proposeClassification(ctx, { slug, rulesetVersion, answers });
  const classificationRow = async (id: string) => (await t.db.select().from(riskClassifications).where(eq(riskClassifications.id, id)))[0]!;
  const modelRow = async (id: string) => (await t.db.select().from(models).where(eq(models.id, id)))[0]!;
  const obligationRows = (modelId: string) => t.db.select().from(obligations).where(eq(obligations.modelId, modelId)).orderBy(asc(obligations.position));
  const applicableArticles = async (modelId: string) => (await obligationRows(modelId)).filter((o) => o.applicable).map((o) => o.article);
  /** Nothing was written: no audit event, no classification, no obligation. */
  async function expectNothingWritten(action: () => Promise<unknown>) {
    const [seq, records, duties] = [await headSeq(t.db), await rowCount(t.db, riskClassifications), await rowCount(t.db, obligations)];
    const error = await rejection(action());
    expect(await headSeq(t.db)).toBe(seq);
    expect(await rowCount(t.db, riskClassifications)).toBe(records);
    expect(await rowCount(t.db, obligations)).toBe(duties);
    return error;
  }

  describe("proposeClassification", () => {
    it("records the ruleset's conclusion for the owner's own model and audits risk.proposed", async () => {
      const model = await freshModel();
      const before = await headSeq(t.db);
      const record = await propose(org.owner, model.slug, CREDIT);
      const { answers, result } = evaluation(CREDIT);
      expect(result.tier).toBe("high");
      expect(record).toMatchObject({
        modelId: model.id,
        rulesetVersion: RULESET_VERSION,
        answers,
        computedTier: "high",
        flags: result.flags,
        legalBasis: result.legalBasis,
        obligations: result.obligations,
        rationale: result.rationale,
        status: "proposed",
        finalTier: null,
        overrideJustification: null,
        proposedBy: org.owner.actor.userId,
        proposedByEmail: "owner@attest.demo",
        decidedBy: null,
        decidedByEmail: null,
        decidedAt: null,
        needsReview: false,
      });
      // Stored as the normalised answers, every key present.
      expect((await classificationRow(record.id)).answers).toEqual({ ...answers, annexIIIPoints: ["5(b)"] });
      expect(Object.keys(answers)).toHaveLength(12);
      expect(record.rationale).toMatch(/^High risk\. .*Annex III, so it is high-risk under Art\. 6\(2\): point 5\(b\)/);

      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "risk.proposed", entityType: "risk_classification", entityId: record.id, actorId: org.owner.actor.userId, actorEmail: "owner@attest.demo", requestId: "req-test" });
      expect(events[0]!.data).toEqual({ slug: model.slug, rulesetVersion: RULESET_VERSION, tier: "high", legalBasis: ["Art. 6(2) Annex III 5(b)"] });
      // A proposal decides nothing: no tier of record, no obligations yet.
      expect((await modelRow(model.id)).riskTier).toBeNull();
      expect(await obligationRows(model.id)).toEqual([]);
    });

    it("refuses an owner proposing for someone else's model, and writes nothing", async () => {
      const model = await freshModel();
      const error = await expectNothingWritten(() => propose(other, model.slug, CREDIT));
      expect(error).toBeInstanceOf(Forbidden);
      expect(error.status).toBe(403);
      expect(await expectNothingWritten(() => propose(org.owner, "no-such-model", CREDIT))).toBeInstanceOf(NotFound);
    });

    it("lets a compliance officer propose for any model", async () => {
      const model = await freshModel(other);
      const record = await propose(org.officer, model.slug, { role: "deployer", transparency: ["50(3)"] });
      expect(record).toMatchObject({ computedTier: "limited", status: "proposed", proposedBy: org.officer.actor.userId, proposedByEmail: "officer@attest.demo" });
    });

    it("refuses auditors and admins", async () => {
      const model = await freshModel();
      for (const ctx of [org.auditor, org.admin]) {
        const error = await expectNothingWritten(() => propose(ctx, model.slug, CREDIT));
        expect(error).toBeInstanceOf(Forbidden);
      }
    });

    it("refuses answers given for another ruleset version with 409 and the questions to review", async () => {
      const model = await freshModel();
      const error = await expectNothingWritten(() => propose(org.owner, model.slug, CREDIT, "eu-ai-act-2024-1689/2024-original"));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.status).toBe(409);
      const details = error.details as { rulesetVersion: string; changedQuestions: { id: string; prompt: string }[] };
      expect(details.rulesetVersion).toBe(RULESET_VERSION);
      // A version Attest never shipped: every question is to be reviewed.
      expect(details.changedQuestions).toEqual(QUESTIONS.map((q) => ({ id: q.id, prompt: q.prompt })));
      expect(details.changedQuestions.length).toBeGreaterThan(40);
      // An empty version is bad input, not a stale questionnaire.
      expect(await expectNothingWritten(() => propose(org.owner, model.slug, CREDIT, ""))).toBeInstanceOf(InvalidInput);
    });

    it("refuses invalid answers with 422 naming each unknown key and value, and writes nothing", async () => {
      const model = await freshModel();
      const error = await expectNothingWritten(() => propose(org.owner, model.slug, { role: "provider", annexIIIPoints: ["5(b)", "9(z)"], favouriteColour: "blue" }));
      expect(error).toBeInstanceOf(Unprocessable);
      expect(error.status).toBe(422);
      const fields = (error.details as { fields: Record<string, string> }).fields;
      expect(Object.keys(fields).sort()).toEqual(["annexIIIPoints.1", "favouriteColour"]);
      expect(fields["annexIIIPoints.1"]).toContain('"9(z)"');
      expect(fields.favouriteColour).toContain('"favouriteColour"');

      const roleless = await expectNothingWritten(() => propose(org.owner, model.slug, { role: "manufacturer" }));
      expect(roleless).toBeInstanceOf(Unprocessable);
      expect(Object.keys((roleless.details as { fields: object }).fields)).toEqual(["role"]);
      expect(await expectNothingWritten(() => propose(org.owner, model.slug, "high risk please"))).toBeInstanceOf(Unprocessable);
    });
  });

  describe("confirmClassification", () => {
    it("makes the proposal the tier of record, creates its obligations in order and audits risk.confirmed", async () => {
      const model = await freshModel();
      const proposal = await propose(org.owner, model.slug, CREDIT);
      const before = await headSeq(t.db);
      const confirmed = await confirmClassification(org.officer, { classificationId: proposal.id });
      expect(confirmed).toMatchObject({ id: proposal.id, status: "confirmed", finalTier: "high", computedTier: "high", decidedBy: org.officer.actor.userId, decidedByEmail: "officer@attest.demo" });

      const row = await classificationRow(proposal.id);
      expect(row).toMatchObject({ status: "confirmed", finalTier: "high", decidedBy: org.officer.actor.userId, decidedByEmail: "officer@attest.demo", overrideJustification: null });
      expect(row.decidedAt).toBeInstanceOf(Date);
      expect(confirmed.decidedAt).toEqual(row.decidedAt);
      expect((await modelRow(model.id)).riskTier).toBe("high");
      expect(await currentClassification(t.db, model.id)).toMatchObject({ id: proposal.id });

      const { result } = evaluation(CREDIT);
      const duties = await obligationRows(model.id);
      expect(duties.map((o) => o.article)).toEqual(HIGH_RISK_PROVIDER);
      expect(duties.map((o) => o.article)).toEqual(result.obligations.map((o) => o.article));
      duties.forEach((o, i) => {
        const derived = result.obligations[i]!;
        expect(o).toMatchObject({ position: i, title: derived.title, checklist: derived.checklist, appliesFrom: derived.appliesFrom, legalStatus: derived.legalStatus, applicable: true, status: "not_started", note: "", ownerId: null, dueDate: null });
        expect((o.checklist as string[]).length).toBeGreaterThan(0);
        expect(o.appliesFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });

      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "risk.confirmed", entityType: "risk_classification", entityId: proposal.id, actorEmail: "officer@attest.demo", actorRoles: ["compliance_officer"] });
      expect(events[0]!.data).toEqual({ slug: model.slug, tier: "high", obligationsAdded: HIGH_RISK_PROVIDER, obligationsNoLongerApplicable: [] });
    });

    it("refuses to decide a classification twice, and writes nothing", async () => {
      const model = await freshModel();
      const proposal = await propose(org.owner, model.slug, CREDIT);
      await confirmClassification(org.officer, { classificationId: proposal.id });
      const again = await expectNothingWritten(() => confirmClassification(org.officer, { classificationId: proposal.id }));
      expect(again).toBeInstanceOf(Conflict);
      expect(again.message).toBe("This classification was already confirmed.");
      const override = await expectNothingWritten(() => overrideClassification(org.officer, { classificationId: proposal.id, tier: "minimal", justification: "The officer changed their mind afterwards." }));
      expect(override).toBeInstanceOf(Conflict);
    });

    it("lets only compliance officers decide", async () => {
      const model = await freshModel();
      const proposal = await propose(org.owner, model.slug, CREDIT);
      for (const ctx of [org.owner, org.auditor, org.admin]) {
        expect(await expectNothingWritten(() => confirmClassification(ctx, { classificationId: proposal.id }))).toBeInstanceOf(Forbidden);
      }
      expect((await classificationRow(proposal.id)).status).toBe("proposed");
      expect(await expectNothingWritten(() => confirmClassification(org.officer, { classificationId: "00000000-0000-4000-8000-000000000000" }))).toBeInstanceOf(NotFound);
      expect(await expectNothingWritten(() => confirmClassification(org.officer, { classificationId: "not-a-uuid" }))).toBeInstanceOf(InvalidInput);
    });
  });

  describe("overrideClassification", () => {
    it("needs a written justification of at least 20 characters and a known tier", async () => {
      const model = await freshModel();
      const proposal = await propose(org.owner, model.slug, CREDIT);
      const short = await expectNothingWritten(() => overrideClassification(org.officer, { classificationId: proposal.id, tier: "limited", justification: "   too short      " }));
      expect(short).toBeInstanceOf(InvalidInput);
      expect(Object.keys((short.details as { fields: object }).fields)).toEqual(["justification"]);
      const tier = await expectNothingWritten(() => overrideClassification(org.officer, { classificationId: proposal.id, tier: "medium" as "limited", justification: "A justification long enough to pass." }));
      expect(Object.keys((tier.details as { fields: object }).fields)).toEqual(["tier"]);
      expect(await expectNothingWritten(() => overrideClassification(org.owner, { classificationId: proposal.id, tier: "limited", justification: "Owners cannot decide their own tier." }))).toBeInstanceOf(Forbidden);
      expect((await classificationRow(proposal.id)).status).toBe("proposed");
    });

    it("records the officer's tier with the justification, keeps the computed tier and audits risk.overridden", async () => {
      const model = await freshModel();
      const proposal = await propose(org.owner, model.slug, CREDIT);
      const before = await headSeq(t.db);
      const justification = "Scores only internal staff loans; legal reviewed the Annex III 5(b) scope on 2026-03-01.";
      const result = await overrideClassification(org.officer, { classificationId: proposal.id, tier: "limited", justification: `  ${justification}  ` });
      expect(result).toMatchObject({ status: "overridden", computedTier: "high", finalTier: "limited", overrideJustification: justification });
      expect(await classificationRow(proposal.id)).toMatchObject({ status: "overridden", computedTier: "high", finalTier: "limited", overrideJustification: justification, decidedBy: org.officer.actor.userId });
      expect((await modelRow(model.id)).riskTier).toBe("limited");
      // The obligations still follow from the answers.
      expect(await applicableArticles(model.id)).toEqual(HIGH_RISK_PROVIDER);
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "risk.overridden", entityType: "risk_classification", entityId: proposal.id, actorEmail: "officer@attest.demo" });
      expect(events[0]!.data).toEqual({ slug: model.slug, computedTier: "high", tier: "limited", justification, obligationsAdded: HIGH_RISK_PROVIDER, obligationsNoLongerApplicable: [] });
    });
  });

  describe("reclassification", () => {
    it("supersedes the earlier decision, keeps both in the history and brings the obligations in line without losing work", async () => {
      const model = await freshModel();
      const first = await propose(org.owner, model.slug, CREDIT);
      await confirmClassification(org.officer, { classificationId: first.id });
      const byArticle = async () => new Map((await obligationsOfModel(t.db, model.id)).map((o) => [o.article, o]));
      const initial = await byArticle();
      const literacy = initial.get("Art. 4")!;
      const risk = initial.get("Art. 9")!;
      await updateObligation(org.owner, { obligationId: literacy.id, status: "in_progress", note: "Training booked for the credit team.", ownerEmail: "owner@attest.demo", dueDate: "2026-09-30" });
      await addObligationEvidence(org.owner, { obligationId: literacy.id, note: "Course outline agreed with HR.", url: "https://intranet.bank.example/ai-literacy" });
      await updateObligation(org.owner, { obligationId: risk.id, status: "met", note: "Risk register RM-12 covers the model." });
      const rowsBefore = await rowCount(t.db, obligations);

      const second = await propose(org.owner, model.slug, DEROGATED);
      expect(second.computedTier).toBe("minimal");
      const before = await headSeq(t.db);
      await confirmClassification(org.officer, { classificationId: second.id });

      expect((await classificationRow(first.id)).status).toBe("superseded");
      expect((await classificationRow(second.id)).status).toBe("confirmed");
      expect((await modelRow(model.id)).riskTier).toBe("minimal");
      expect(await currentClassification(t.db, model.id)).toMatchObject({ id: second.id });

      // The history, newest first, with who proposed and decided each and when.
      const history = await classificationHistory(t.db, model.id);
      expect(history.map((h) => [h.id, h.status, h.computedTier, h.finalTier, h.proposedByEmail, h.decidedByEmail])).toEqual([
        [second.id, "confirmed", "minimal", "minimal", "owner@attest.demo", "officer@attest.demo"],
        [first.id, "superseded", "high", "high", "owner@attest.demo", "officer@attest.demo"],
      ]);
      expect(history[0]!.proposedAt.getTime()).toBeGreaterThanOrEqual(history[1]!.decidedAt!.getTime());
      expect(history[0]!.decidedAt!.getTime()).toBeGreaterThanOrEqual(history[0]!.proposedAt.getTime());

      // Nothing is deleted: the high-risk duties stay, marked not applicable, with their work.
      const derived = evaluation(DEROGATED).result.obligations.map((o) => o.article);
      expect(derived).toEqual(["Art. 4", "Art. 6(4)", "Art. 49(2)"]);
      expect(await rowCount(t.db, obligations)).toBe(rowsBefore + 2);
      const after = await byArticle();
      expect([...after.values()].filter((o) => o.applicable).map((o) => o.article)).toEqual(derived);
      expect(after.get("Art. 4")).toMatchObject({ id: literacy.id, applicable: true, status: "in_progress", note: "Training booked for the credit team.", ownerEmail: "owner@attest.demo", dueDate: "2026-09-30" });
      expect(after.get("Art. 4")!.evidence.map((e) => [e.kind, e.note, e.url])).toEqual([["link", "Course outline agreed with HR.", "https://intranet.bank.example/ai-literacy"]]);
      expect(after.get("Art. 9")).toMatchObject({ id: risk.id, applicable: false, status: "met", note: "Risk register RM-12 covers the model." });
      for (const article of HIGH_RISK_PROVIDER.filter((a) => a !== "Art. 4")) expect(after.get(article)!.applicable).toBe(false);
      expect(after.get("Art. 6(4)")).toMatchObject({ applicable: true, status: "not_started" });
      // Applicable obligations come first, in the order of the Act; the rest follow.
      expect([...after.keys()].slice(0, 3)).toEqual(derived);
      expect(new Set([...after.values()].map((o) => o.position)).size).toBe(after.size);

      const events = await eventsSince(t.db, before);
      expect(events.map((e) => e.action)).toEqual(["risk.confirmed"]);
      expect(events[0]!.data).toEqual({ slug: model.slug, tier: "minimal", obligationsAdded: ["Art. 6(4)", "Art. 49(2)"], obligationsNoLongerApplicable: HIGH_RISK_PROVIDER.filter((a) => a !== "Art. 4") });

      // Back to high risk: the old duties apply again with the work done on them; none is duplicated.
      const third = await propose(org.officer, model.slug, CREDIT);
      const seq = await headSeq(t.db);
      await confirmClassification(org.officer, { classificationId: third.id });
      expect((await eventsSince(t.db, seq))[0]!.data).toMatchObject({ obligationsAdded: [], obligationsNoLongerApplicable: ["Art. 6(4)", "Art. 49(2)"] });
      const last = await byArticle();
      expect(await rowCount(t.db, obligations)).toBe(rowsBefore + 2);
      expect([...last.values()].filter((o) => o.applicable).map((o) => o.article)).toEqual(HIGH_RISK_PROVIDER);
      expect(last.get("Art. 9")).toMatchObject({ id: risk.id, applicable: true, status: "met", note: "Risk register RM-12 covers the model." });
      expect((await classificationHistory(t.db, model.id)).map((h) => h.status)).toEqual(["confirmed", "superseded", "superseded"]);
    });

    it("decides only the newest proposal, and the decision replaces every earlier one", async () => {
      const model = await freshModel();
      const older = await propose(org.owner, model.slug, CREDIT);
      const newer = await propose(org.owner, model.slug, DEROGATED);
      expect((await rejection(confirmClassification(org.officer, { classificationId: older.id }))).status).toBe(409);
      await confirmClassification(org.officer, { classificationId: newer.id });
      const statuses = (await classificationHistory(t.db, model.id)).map((h) => [h.id, h.status]);
      expect(statuses).toEqual([[newer.id, "confirmed"], [older.id, "superseded"]]);
    });

    it("keeps one decision in force when two officers decide the same proposal at once", async () => {
      for (let round = 0; round < 5; round++) {
        const model = await freshModel();
        const proposal = await propose(org.owner, model.slug, CREDIT);
        const outcomes = await Promise.allSettled([
          confirmClassification(org.officer, { classificationId: proposal.id }),
          overrideClassification(org.officer, { classificationId: proposal.id, tier: "prohibited", justification: "Two officers decided at the same moment in this test." }),
        ]);
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
        expect(refused.reason.status).toBe(409);
        const current = (await currentClassification(t.db, model.id))!;
        expect((await modelRow(model.id)).riskTier).toBe(current.finalTier);
        const articles = (await obligationRows(model.id)).map((o) => o.article);
        expect(new Set(articles).size).toBe(articles.length);
      }
    });

    it("a card save and a reclassification at the same time both succeed (no deadlock)", async () => {
      const card = (uses: string) => ({ intendedUse: { primaryUses: uses } });
      for (let round = 0; round < 10; round++) {
        const model = await freshModel();
        await createModelVersion(org.owner, { slug: model.slug, version: "1.0.0" });
        await saveModelCard(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, content: card("Scores loans."), source: "editor" });
        const first = await propose(org.owner, model.slug, CREDIT);
        await confirmClassification(org.officer, { classificationId: first.id });
        const second = await propose(org.owner, model.slug, DEROGATED);
        const [saved] = await Promise.all([
          saveModelCard(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 1, content: card("Scores loans and mortgages."), source: "editor" }),
          confirmClassification(org.officer, { classificationId: second.id }),
        ]);
        expect(saved.revision.revision).toBe(2);
        expect((await currentClassification(t.db, model.id))!.id).toBe(second.id);
      }
    });
  });

  describe("needs review after a card change", () => {
    let model: Awaited<ReturnType<typeof freshModel>>;
    let classificationId: string;
    let revision = 0;
    const card = { modelDetails: { name: "Credit scoring", contact: "risk@bank.eu" }, intendedUse: { primaryUses: "Scores applications for consumer loans.", deploymentContext: "Branch loan desks." } };
    const save = (content: unknown) => saveModelCard(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: revision || null, content, source: "editor" }).then((r) => ((revision = r.revision.revision), r));

    beforeAll(async () => {
      model = await freshModel();
      await createModelVersion(org.owner, { slug: model.slug, version: "1.0.0" });
      await save(card);
      const proposal = await propose(org.owner, model.slug, CREDIT);
      await confirmClassification(org.officer, { classificationId: proposal.id });
      classificationId = proposal.id;
    });

    it("is not set by a change to a field the classification does not rest on", async () => {
      const before = await headSeq(t.db);
      await save({ ...card, modelDetails: { ...card.modelDetails, contact: "model-risk@bank.eu" } });
      expect(await classificationRow(classificationId)).toMatchObject({ needsReview: false, needsReviewReason: null });
      const [event] = await eventsSince(t.db, before);
      expect(event!.data).toMatchObject({ changedFields: ["modelDetails.contact"], classificationNeedsReview: null });
    });

    it("is set when the intended purpose changes, and the card save's audit event names the classification", async () => {
      const before = await headSeq(t.db);
      await save({ ...card, modelDetails: { ...card.modelDetails, contact: "model-risk@bank.eu" }, intendedUse: { ...card.intendedUse, primaryUses: "Scores applications for consumer loans and mortgages." } });
      expect(await classificationRow(classificationId)).toMatchObject({ needsReview: true, needsReviewReason: "The intended purpose changed in the model card after this classification was decided." });
      const events = await eventsSince(t.db, before);
      expect(events.map((e) => e.action)).toEqual(["model_card.saved"]);
      expect(events[0]!.data).toMatchObject({ changedFields: ["intendedUse.primaryUses"], classificationNeedsReview: classificationId });
    });

    it("a reclassification clears it; a deployment-context change sets it on the new decision", async () => {
      const proposal = await propose(org.owner, model.slug, CREDIT);
      await confirmClassification(org.officer, { classificationId: proposal.id });
      expect(await classificationRow(proposal.id)).toMatchObject({ needsReview: false });
      const before = await headSeq(t.db);
      await save({ ...card, modelDetails: { ...card.modelDetails, contact: "model-risk@bank.eu" }, intendedUse: { primaryUses: "Scores applications for consumer loans and mortgages.", deploymentContext: "Online loan applications." } });
      expect(await classificationRow(proposal.id)).toMatchObject({ needsReview: true, needsReviewReason: "The deployment context changed in the model card after this classification was decided." });
      expect((await eventsSince(t.db, before))[0]!.data).toMatchObject({ classificationNeedsReview: proposal.id });
    });

    it("flags nothing while the model has only a proposal", async () => {
      const undecided = await freshModel();
      await createModelVersion(org.owner, { slug: undecided.slug, version: "1.0.0" });
      await propose(org.owner, undecided.slug, CREDIT);
      const before = await headSeq(t.db);
      await saveModelCard(org.owner, { slug: undecided.slug, version: "1.0.0", baseRevision: null, content: card, source: "editor" });
      expect((await eventsSince(t.db, before))[0]!.data).toMatchObject({ classificationNeedsReview: null });
      const [row] = await t.db.select().from(riskClassifications).where(and(eq(riskClassifications.modelId, undecided.id)));
      expect(row!.needsReview).toBe(false);
    });
  });
});
