import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelMaintainers, reviewDecisions, reviewRequests } from "@/db/schema";
import type { TRecordedDecision, TDecision } from "@/lib/domain/approvals/separation-of-duties";

/*
 * Reads about the current review of a version, inside the caller's transaction. The current
 * review is the version's latest review request: approvals count only within it, so after
 * changes were requested and the owner resubmitted, earlier approvals no longer count.
 */

export async function currentReviewRequest(tx: Db, versionId: string) {
  const [row] = await tx.select().from(reviewRequests).where(eq(reviewRequests.versionId, versionId)).orderBy(desc(reviewRequests.submittedAt), desc(reviewRequests.id)).limit(1);
  return row ?? null;
}

/**
 * The request whose approvals the version stands on. That is the current one, except while a
 * periodic review is open on a version still approved or deployed: until that review is decided,
 * the approvals that put the version in service keep standing (lifecycle.ts).
 */
export async function approvingRequest(tx: Db, version: { id: string; stage: string }) {
  const [current, previous] = await tx.select().from(reviewRequests).where(eq(reviewRequests.versionId, version.id)).orderBy(desc(reviewRequests.submittedAt), desc(reviewRequests.id)).limit(2);
  if (current && isOpenPeriodicReview(current, version.stage)) return previous ?? null;
  return current ?? null;
}

/** A periodic review in progress on a version that stays in service meanwhile. */
export function isOpenPeriodicReview(request: { reason: string; status: string }, stage: string): boolean {
  return request.reason === "periodic" && request.status === "open" && (stage === "approved" || stage === "deployed");
}

export async function decisionsOfRequest(tx: Db, reviewRequestId: string) {
  return tx.select().from(reviewDecisions).where(eq(reviewDecisions.reviewRequestId, reviewRequestId)).orderBy(asc(reviewDecisions.decidedAt), asc(reviewDecisions.id));
}

/** Approvals of these requests that no dossier change has invalidated. */
export async function standingApprovalsOfRequests(tx: Db, reviewRequestIds: string[]) {
  if (reviewRequestIds.length === 0) return [];
  const rows = await tx.select().from(reviewDecisions).where(and(inArray(reviewDecisions.reviewRequestId, reviewRequestIds), eq(reviewDecisions.decision, "approve")));
  return rows.filter((d) => d.invalidatedAt === null);
}

export function recordedDecisions(rows: { approverId: string; decision: string; invalidatedAt: Date | null }[]): TRecordedDecision[] {
  return rows.map((d) => ({ approverId: d.approverId, decision: d.decision as TDecision, valid: d.invalidatedAt === null }));
}

export async function maintainerIds(tx: Db, modelId: string): Promise<string[]> {
  return (await tx.select({ userId: modelMaintainers.userId }).from(modelMaintainers).where(eq(modelMaintainers.modelId, modelId))).map((r) => r.userId);
}
