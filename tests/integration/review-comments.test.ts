import { gt } from "drizzle-orm";
import { expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/services/errors";
import { addReviewComment } from "@/lib/services/reviews/add-review-comment";
import { commentThreads } from "@/lib/services/reviews/comments";
import { gateFor } from "@/lib/services/reviews/gate";
import { replyToReviewComment } from "@/lib/services/reviews/reply-to-review-comment";
import { resolveReviewComment } from "@/lib/services/reviews/resolve-review-comment";
import { retireVersion } from "@/lib/services/reviews/retire-version";
import { submitForReview } from "@/lib/services/reviews/submit-for-review";
import { createUser } from "@/lib/services/users/create-user";
import { contextFor, eventsSince, headSeq, TEST_PASSWORD } from "../helpers/fixtures";
import { refusedWith, useReviewFixtures } from "../helpers/review-versions";
import { forEachDatabase } from "../helpers/test-db";

const FIELD = "intendedUse.outOfScopeUses";

forEachDatabase("review comments", (t) => {
  const f = useReviewFixtures(t, "Comment test");

  it("an officer comments on a field, the owner answers and resolves; each step is audited and no approval is touched", async () => {
    const { target } = await f.versions.readyVersion("high");
    const submitted = await submitForReview(f.org.owner, target);
    const gateBefore = await gateFor(t.db, target.slug, target.version);

    let seq = await headSeq(t.db);
    const comment = await addReviewComment(f.org.officer, { ...target, fieldPath: FIELD, body: "  Name the <b>misuse</b> you tested for.  " });
    expect(comment).toMatchObject({ fieldPath: FIELD, body: "Name the <b>misuse</b> you tested for.", authorEmail: "officer@attest.demo", reviewRequestId: submitted.reviewRequestId, resolvedAt: null });
    let events = await eventsSince(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(["review.comment_added"]);
    expect(events[0]).toMatchObject({ entityType: "review_comment", entityId: comment.id, actorEmail: "officer@attest.demo" });
    expect(events[0]!.data).toEqual({ slug: target.slug, version: "1.0.0", commentId: comment.id, fieldPath: FIELD, reviewRequestId: submitted.reviewRequestId, body: "Name the <b>misuse</b> you tested for." });

    seq = await headSeq(t.db);
    const reply = await replyToReviewComment(f.org.owner, { ...target, commentId: comment.id, body: "Added the scraping case." });
    const officerReply = await replyToReviewComment(f.officer2, { ...target, commentId: comment.id, body: "Thanks, that covers it." });
    events = await eventsSince(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(["review.comment_replied", "review.comment_replied"]);
    expect(events[0]!.data).toMatchObject({ threadId: comment.id, commentId: reply.id, fieldPath: FIELD, body: "Added the scraping case." });

    seq = await headSeq(t.db);
    const resolved = await resolveReviewComment(f.org.owner, { ...target, commentId: comment.id });
    expect(resolved.resolvedByEmail).toBe("owner@attest.demo");
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    events = await eventsSince(t.db, seq);
    expect(events.map((e) => e.action)).toEqual(["review.comment_resolved"]);
    expect(events[0]!.data).toEqual({ slug: target.slug, version: "1.0.0", threadId: comment.id, fieldPath: FIELD, threadAuthorEmail: "officer@attest.demo" });

    const version = (await gateFor(t.db, target.slug, target.version));
    expect(version.dossierHash).toBe(gateBefore.dossierHash);
    const [thread] = await commentThreads(t.db, comment.versionId);
    expect(thread!.replies.map((r) => [r.id, r.fieldPath, r.parentId])).toEqual([[reply.id, null, comment.id], [officerReply.id, null, comment.id]]);
    expect(thread!.resolvedAt).not.toBeNull();
  });

  it("tells the owner of a new comment, the thread of an answer, and the comment's author of its resolution", async () => {
    const { target } = await f.versions.readyVersion("high");
    await submitForReview(f.org.owner, target);
    const told = async (seq: number) => {
      const rows = await t.db.select({ userId: notifications.userId, kind: notifications.kind, title: notifications.title, link: notifications.link }).from(notifications).where(gt(notifications.auditSeq, seq));
      return rows;
    };
    let seq = await headSeq(t.db);
    const comment = await addReviewComment(f.org.officer, { ...target, fieldPath: FIELD, body: "Name the misuse you tested for." });
    let rows = await told(seq);
    expect(rows.map((r) => r.userId)).toEqual([f.org.owner.actor.userId]);
    expect(rows[0]).toMatchObject({ kind: "review.comment", link: `/models/${target.slug}/versions/1.0.0#review-comments` });
    // Named as the card names the field, not by its path.
    expect(rows[0]!.title).toContain("commented on “Out-of-scope uses”");

    seq = await headSeq(t.db);
    await replyToReviewComment(f.officer2, { ...target, commentId: comment.id, body: "Seconded." });
    rows = await told(seq);
    expect(rows.map((r) => r.userId).sort()).toEqual([f.org.officer.actor.userId, f.org.owner.actor.userId].sort());

    seq = await headSeq(t.db);
    await resolveReviewComment(f.org.owner, { ...target, commentId: comment.id });
    rows = await told(seq);
    expect(rows.map((r) => r.userId)).toEqual([f.org.officer.actor.userId]);
    expect(rows[0]!.title).toContain("resolved a comment");
  });

  it("comments on an approved version do not invalidate its approvals", async () => {
    const { target } = await f.versions.approvedVersion("minimal");
    const before = await gateFor(t.db, target.slug, target.version);
    expect(before.deployable).toBe(true);
    const comment = await addReviewComment(f.org.officer, { ...target, fieldPath: "modelDetails.description", body: "Worth a second look at the next review." });
    expect(comment.reviewRequestId).toBeNull();
    await replyToReviewComment(f.org.owner, { ...target, commentId: comment.id, body: "Noted." });
    await resolveReviewComment(f.org.officer, { ...target, commentId: comment.id });
    const after = await gateFor(t.db, target.slug, target.version);
    expect(after).toMatchObject({ deployable: true, stage: "approved", dossierHash: before.dossierHash });
    expect(after.approvals.every((a) => a.valid)).toBe(true);
  });

  it("only officers comment, and only on a card field, with a text", async () => {
    const { target } = await f.versions.readyVersion("minimal");
    for (const who of [f.org.owner, f.org.admin, f.org.auditor]) await refusedWith(t.db, Forbidden, () => addReviewComment(who, { ...target, fieldPath: FIELD, body: "Hello" }));
    const unknownField = await refusedWith(t.db, InvalidInput, () => addReviewComment(f.org.officer, { ...target, fieldPath: "intendedUse.secretField", body: "Hello" }));
    expect((unknownField.details as { fields: Record<string, string> }).fields.fieldPath).toBe("Choose a field of the model card.");
    const empty = await refusedWith(t.db, InvalidInput, () => addReviewComment(f.org.officer, { ...target, fieldPath: FIELD, body: "   " }));
    expect((empty.details as { fields: Record<string, string> }).fields.body).toBe("Write the comment.");
    await refusedWith(t.db, NotFound, () => addReviewComment(f.org.officer, { ...target, version: "9.9.9", fieldPath: FIELD, body: "Hello" }));
  });

  it("answers come from the owner's side or officers; resolving from the owner's side or the comment's author", async () => {
    const { target } = await f.versions.readyVersion("minimal");
    await createUser(f.org.admin, { email: "other.owner@bank.eu", name: "Other Owner", roles: ["model_owner"], password: TEST_PASSWORD });
    const stranger = await contextFor(t.db, "other.owner@bank.eu");
    const comment = await addReviewComment(f.org.officer, { ...target, fieldPath: FIELD, body: "Please expand." });
    const other = { ...target, commentId: comment.id };

    const refusal = await refusedWith(t.db, Forbidden, () => replyToReviewComment(stranger, { ...other, body: "Not my model." }));
    expect(refusal.message).toBe("Only the model's owner and maintainers, and compliance officers, can answer a review comment.");
    for (const who of [f.org.admin, f.org.auditor]) await refusedWith(t.db, Forbidden, () => replyToReviewComment(who, { ...other, body: "No." }));
    await refusedWith(t.db, Forbidden, () => resolveReviewComment(stranger, other));
    const notAuthor = await refusedWith(t.db, Forbidden, () => resolveReviewComment(f.officer2, other));
    expect(notAuthor.message).toBe("Only the model's owner and maintainers, or the comment's author, can resolve it.");
    await refusedWith(t.db, NotFound, () => resolveReviewComment(f.org.owner, { ...target, commentId: "00000000-0000-4000-8000-000000000000" }));

    const reply = await replyToReviewComment(f.org.owner, { ...other, body: "Expanded." });
    // An answer is not a thread: it cannot be answered or resolved by itself.
    await refusedWith(t.db, NotFound, () => resolveReviewComment(f.org.owner, { ...target, commentId: reply.id }));

    await resolveReviewComment(f.org.officer, other);
    await refusedWith(t.db, Conflict, () => resolveReviewComment(f.org.owner, other));
    const closed = await refusedWith(t.db, Conflict, () => replyToReviewComment(f.org.owner, { ...other, body: "One more thing." }));
    expect(closed.message).toBe("This comment is resolved: start a new comment on the field instead.");
  });

  it("a retired version takes no new comments", async () => {
    const { target } = await f.versions.approvedVersion("minimal");
    const comment = await addReviewComment(f.org.officer, { ...target, fieldPath: FIELD, body: "Before retirement." });
    await retireVersion(f.org.owner, { ...target, reason: "Replaced by 2.0." });
    await refusedWith(t.db, Conflict, () => addReviewComment(f.org.officer, { ...target, fieldPath: FIELD, body: "After." }));
    await refusedWith(t.db, Conflict, () => replyToReviewComment(f.org.owner, { ...target, commentId: comment.id, body: "After." }));
    await refusedWith(t.db, Conflict, () => resolveReviewComment(f.org.owner, { ...target, commentId: comment.id }));
  });
});
