import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { reviewRequests, users } from "./schema";
import { loadUserActor } from "@/lib/auth/load-actor";
import type { ServiceContext } from "@/lib/services/context";
import { NO_REQUEST } from "@/lib/services/context";
import { addReviewComment } from "@/lib/services/reviews/add-review-comment";
import { decideReview } from "@/lib/services/reviews/decide-review";
import { deployVersion } from "@/lib/services/reviews/deploy-version";
import { replyToReviewComment } from "@/lib/services/reviews/reply-to-review-comment";
import { retireVersion } from "@/lib/services/reviews/retire-version";
import { submitForReview } from "@/lib/services/reviews/submit-for-review";

/**
 * The demo's review and approval story, played through the review verbs by the demo owner and
 * the demo compliance officer (who authored no card revision: the seed wrote the cards), so each
 * step is checked and audited as it would be in use:
 *
 *  - card-fraud-detection 4.0.0: approved, deployed to production, then retired when 4.1.0
 *    replaced it;
 *  - card-fraud-detection 4.1.0: approved and deployed to production (blue-green);
 *  - complaint-email-triage 1.2.0: changes requested, with a comment on a card field that the
 *    owner answered; back in draft;
 *  - transaction-categorisation 3.0.0: submitted, waiting in the officer's queue.
 *
 * The verbs stamp "now", and a decision's decided_at is immutable evidence (a trigger guards it),
 * so every decision is dated at seeding time. Only the requests' submitted_at is moved back, by
 * SQL, so that the queue shows a realistic wait and the median time to decision is not zero:
 * review_requests has no update guard, submitted_at is in no hash and no dossier, and the audit
 * log (which says when the seed really ran) is untouched.
 */
const SUBMITTED_DAYS_AGO: Record<string, number> = {
  "card-fraud-detection 4.0.0": 9,
  "card-fraud-detection 4.1.0": 3,
  "complaint-email-triage 1.2.0": 2,
  "transaction-categorisation 3.0.0": 1,
};

async function contextOf(db: Db, email: string): Promise<ServiceContext> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = user ? await loadUserActor(db, user.id) : null;
  if (!actor) throw new Error(`the demo seed needs the account ${email}`);
  return { db, actor, request: NO_REQUEST };
}

async function submit(owner: ServiceContext, slug: string, version: string): Promise<void> {
  const { reviewRequestId, submittedAt } = await submitForReview(owner, { slug, version });
  const days = SUBMITTED_DAYS_AGO[`${slug} ${version}`] ?? 0;
  await owner.db
    .update(reviewRequests)
    .set({ submittedAt: sql`${submittedAt.toISOString()}::timestamptz - make_interval(hours => ${days * 24})` })
    .where(eq(reviewRequests.id, reviewRequestId));
}

/** Plays the story above; the versions must exist, with complete cards and confirmed classifications. */
export async function seedReviews(db: Db, emails: { owner: string; officer: string }): Promise<void> {
  const owner = await contextOf(db, emails.owner);
  const officer = await contextOf(db, emails.officer);

  const fraud = "card-fraud-detection";
  await submit(owner, fraud, "4.0.0");
  await decideReview(officer, { slug: fraud, version: "4.0.0", decision: "approve" });
  await deployVersion(owner, { slug: fraud, version: "4.0.0", environment: "production", strategy: "direct" });
  await submit(owner, fraud, "4.1.0");
  await decideReview(officer, { slug: fraud, version: "4.1.0", decision: "approve", comment: "Backtest passes on every group; same features as 4.0.0." });
  await deployVersion(owner, { slug: fraud, version: "4.1.0", environment: "production", strategy: "blue-green" });
  await retireVersion(owner, { slug: fraud, version: "4.0.0", reason: "Replaced in production by 4.1.0 (blue-green switch)." });

  const triage = "complaint-email-triage";
  await submit(owner, triage, "1.2.0");
  const comment = await addReviewComment(officer, {
    slug: triage,
    version: "1.2.0",
    fieldPath: "intendedUse.outOfScopeUses",
    body: "Say that the triage never answers, closes or rejects a complaint by itself: FCA DISP requires a person to handle each one.",
  });
  await decideReview(officer, { slug: triage, version: "1.2.0", decision: "request_changes", comment: "Please state the out-of-scope uses (see my comment on the card) and resubmit." });
  await replyToReviewComment(owner, {
    slug: triage,
    version: "1.2.0",
    commentId: comment.id,
    body: "Agreed: the model only chooses the team queue. I will add that to the out-of-scope uses and resubmit.",
  });

  await submit(owner, "transaction-categorisation", "3.0.0");
}
