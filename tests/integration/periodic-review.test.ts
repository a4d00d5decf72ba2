import { asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { modelVersions, notifications, reviewDecisions, reviewRequests } from "@/db/schema";
import { Conflict, Forbidden } from "@/lib/services/errors";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { decideReview } from "@/lib/services/reviews/decide-review";
import { deployVersion } from "@/lib/services/reviews/deploy-version";
import { gateFor } from "@/lib/services/reviews/gate";
import { reviewQueue } from "@/lib/services/reviews/queue";
import { startPeriodicReview } from "@/lib/services/reviews/start-periodic-review";
import { createUser } from "@/lib/services/users/create-user";
import { completeCard } from "../helpers/cards";
import { contextFor, eventsSince, headSeq, TEST_PASSWORD } from "../helpers/fixtures";
import { refusedWith, useReviewFixtures } from "../helpers/review-versions";
import { forEachDatabase } from "../helpers/test-db";

const DAY = 86_400_000;

forEachDatabase("periodic re-review", (t) => {
  const f = useReviewFixtures(t, "Periodic test");

  beforeAll(async () => {
    await createUser(f.org.admin, { email: "other.owner@bank.eu", name: "Other Owner", roles: ["model_owner"], password: TEST_PASSWORD });
  });

  /** An approved (and, if asked, deployed) high-risk version whose next review is `days` away (negative: overdue). */
  async function dueVersion(days: number, options: { deployed?: boolean } = {}) {
    const { model, target } = await f.versions.approvedVersion("high");
    if (options.deployed) await deployVersion(f.org.owner, { ...target, environment: "production" });
    await t.db.update(modelVersions).set({ nextReviewDue: new Date(Date.now() + days * DAY) }).where(eq(modelVersions.modelId, model.id));
    return { model, target };
  }

  const reasonCodes = async (slug: string) => (await gateFor(t.db, slug, "1.0.0")).reasons.map((r) => r.code);

  it("an overdue deployed version: the queue offers it, an officer starts the review, two approvals renew it while it stays deployed", async () => {
    const { target } = await dueVersion(-3, { deployed: true });
    expect(await reasonCodes(target.slug)).toEqual(["review_overdue"]);
    let queue = await reviewQueue(t.db, { scope: "all", userId: f.org.officer.actor.userId });
    expect(queue.filter((i) => i.slug === target.slug)).toMatchObject([{ kind: "overdue_review", reason: null, stage: "deployed" }]);

    let seq = await headSeq(t.db);
    const started = await startPeriodicReview(f.org.officer, target);
    expect(started.stage).toBe("deployed");
    const events = await eventsSince(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(["review.periodic_started"]);
    expect(events[0]!.data).toMatchObject({ slug: target.slug, version: "1.0.0", reviewRequestId: started.reviewRequestId, dossierHash: started.dossierHash, tier: "high" });
    const [request] = await t.db.select().from(reviewRequests).where(eq(reviewRequests.id, started.reviewRequestId));
    expect(request).toMatchObject({ reason: "periodic", status: "open", submittedByEmail: "officer@attest.demo" });
    // The other officer and the owner are told; the officer who started it is not.
    const told = await t.db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(eq(notifications.auditSeq, events[0]!.seq));
    expect(told.map((n) => n.userId).sort()).toEqual([f.officer2.actor.userId, f.org.owner.actor.userId].sort());
    expect(new Set(told.map((n) => n.kind))).toEqual(new Set(["review.periodic_started"]));

    // Still overdue, but the approvals that put it in service stand until the review is decided.
    expect(await reasonCodes(target.slug)).toEqual(["review_overdue"]);
    queue = await reviewQueue(t.db, { scope: "mine", userId: f.org.officer.actor.userId });
    expect(queue.filter((i) => i.slug === target.slug)).toMatchObject([{ kind: "review", reason: "periodic", approvalsValid: 0, approvalsRequired: 2 }]);
    await refusedWith(t.db, Conflict, () => startPeriodicReview(f.officer2, target));

    // The officer who started it may approve: a periodic review is not a submission of content.
    const first = await decideReview(f.org.officer, { ...target, decision: "approve" });
    expect(first).toMatchObject({ stage: "deployed", approvalsValid: 1, required: 2, nextReviewDue: null });
    expect(await reasonCodes(target.slug)).toEqual(["review_overdue"]);

    seq = await headSeq(t.db);
    const before = Date.now();
    const second = await decideReview(f.officer2, { ...target, decision: "approve" });
    expect(second.stage).toBe("deployed");
    expect(second.nextReviewDue!.getTime()).toBeGreaterThanOrEqual(before + 180 * DAY);
    const [version] = await t.db.select().from(modelVersions).where(eq(modelVersions.id, request!.versionId));
    expect(version).toMatchObject({ stage: "deployed", nextReviewDue: second.nextReviewDue });
    expect(version!.approvedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect((await eventsSince(t.db, seq))[0]!.data).toMatchObject({ stageBefore: "deployed", stageAfter: "deployed", approvalsValid: 2, required: 2 });
    const gate = await gateFor(t.db, target.slug, "1.0.0");
    expect(gate).toMatchObject({ deployable: true, stage: "deployed", reasons: [] });
    expect(gate.approvals.map((a) => a.approverEmail)).toEqual(["officer@attest.demo", "officer.two@bank.eu"]);
    const [closed] = await t.db.select().from(reviewRequests).where(eq(reviewRequests.id, started.reviewRequestId));
    expect(closed!.status).toBe("closed");
    expect((await reviewQueue(t.db, { scope: "all", userId: null })).some((i) => i.slug === target.slug)).toBe(false);
  });

  it("may start up to 30 days before it is due; the gate stays open meanwhile", async () => {
    const early = await dueVersion(45);
    const refusal = await refusedWith(t.db, Conflict, () => startPeriodicReview(f.org.officer, early.target));
    expect(refusal.message).toBe("The periodic review can start at most 30 days before it is due.");

    const { target } = await dueVersion(10);
    await startPeriodicReview(f.org.owner, target);
    expect(await gateFor(t.db, target.slug, "1.0.0")).toMatchObject({ deployable: true, stage: "approved" });
  });

  it("the model's owner and maintainers or any officer may start it; nobody else", async () => {
    const { target } = await dueVersion(-1);
    const stranger = await contextFor(t.db, "other.owner@bank.eu");
    for (const who of [stranger, f.org.admin, f.org.auditor]) await refusedWith(t.db, Forbidden, () => startPeriodicReview(who, target));
    const draft = await f.versions.readyVersion("minimal");
    const wrong = await refusedWith(t.db, Conflict, () => startPeriodicReview(f.org.officer, draft.target));
    expect(wrong.message).toBe("This version is a draft: only an approved or deployed version is reviewed periodically.");
  });

  it("changes requested in a periodic review send the version back to draft, and the gate says no", async () => {
    const { target } = await dueVersion(-1, { deployed: true });
    await startPeriodicReview(f.org.owner, target);
    const decided = await decideReview(f.org.officer, { ...target, decision: "request_changes", comment: "The monitoring plan is out of date." });
    expect(decided.stage).toBe("draft");
    expect(await reasonCodes(target.slug)).toContain("not_approved");
  });

  it("a dossier change during a periodic review invalidates the standing approvals; the periodic review is decided as a review", async () => {
    const { target } = await dueVersion(5, { deployed: true });
    const started = await startPeriodicReview(f.org.officer, target);
    await decideReview(f.org.officer, { ...target, decision: "approve" });
    await saveModelCard(f.org.owner, { ...target, baseRevision: 1, content: completeCard("high", "v2"), source: "api" });

    const gate = await gateFor(t.db, target.slug, "1.0.0");
    expect(gate.stage).toBe("in_review");
    expect(gate.deployable).toBe(false);
    expect(gate.approvals).toHaveLength(1);
    expect(gate.approvals[0]).toMatchObject({ approverEmail: "officer@attest.demo", valid: false, invalidatedByChange: "card revision 1 → 2" });
    // The two approvals it was deployed on and the one given in the periodic review: all invalidated.
    const decisions = await t.db.select().from(reviewDecisions).where(eq(reviewDecisions.versionId, started.versionId)).orderBy(asc(reviewDecisions.decidedAt));
    expect(decisions.map((d) => [d.approverEmail, d.invalidatedByChange])).toEqual([
      ["officer@attest.demo", "card revision 1 → 2"],
      ["officer.two@bank.eu", "card revision 1 → 2"],
      ["officer@attest.demo", "card revision 1 → 2"],
    ]);
    const open = await t.db.select().from(reviewRequests).where(eq(reviewRequests.versionId, started.versionId));
    expect(open.filter((r) => r.status === "open").map((r) => r.id)).toEqual([started.reviewRequestId]);

    await decideReview(f.org.officer, { ...target, decision: "approve" });
    const done = await decideReview(f.officer2, { ...target, decision: "approve" });
    expect(done.stage).toBe("approved");
    expect(await gateFor(t.db, target.slug, "1.0.0")).toMatchObject({ deployable: true, stage: "approved" });
  });
});
