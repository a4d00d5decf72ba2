import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, obligationEvidence, obligations, riskClassifications, users } from "@/db/schema";

/** Every classification of a model, newest first: the history with who, when and why. */
export function classificationHistory(db: Db, modelId: string) {
  return db.select().from(riskClassifications).where(eq(riskClassifications.modelId, modelId)).orderBy(desc(riskClassifications.proposedAt));
}

/** The decision in force: the newest confirmed or overridden classification. */
export async function currentClassification(db: Db, modelId: string) {
  const [row] = await db
    .select()
    .from(riskClassifications)
    .where(and(eq(riskClassifications.modelId, modelId), inArray(riskClassifications.status, ["confirmed", "overridden"])))
    .orderBy(desc(riskClassifications.decidedAt))
    .limit(1);
  return row ?? null;
}

/** The model's obligations with their owner and evidence (file contents left out). */
export async function obligationsOfModel(db: Db, modelId: string) {
  const rows = await db
    .select({ obligation: obligations, ownerEmail: users.email, ownerName: users.name })
    .from(obligations)
    .leftJoin(users, eq(users.id, obligations.ownerId))
    .where(eq(obligations.modelId, modelId))
    .orderBy(asc(obligations.position));
  const ids = rows.map((r) => r.obligation.id);
  const evidence = ids.length
    ? await db
        .select({
          id: obligationEvidence.id,
          obligationId: obligationEvidence.obligationId,
          kind: obligationEvidence.kind,
          note: obligationEvidence.note,
          url: obligationEvidence.url,
          fileName: obligationEvidence.fileName,
          contentType: obligationEvidence.contentType,
          sizeBytes: obligationEvidence.sizeBytes,
          sha256: obligationEvidence.sha256,
          addedByEmail: obligationEvidence.addedByEmail,
          addedAt: obligationEvidence.addedAt,
        })
        .from(obligationEvidence)
        .where(inArray(obligationEvidence.obligationId, ids))
        .orderBy(asc(obligationEvidence.addedAt))
    : [];
  return rows.map((r) => ({ ...r.obligation, ownerEmail: r.ownerEmail, ownerName: r.ownerName, evidence: evidence.filter((e) => e.obligationId === r.obligation.id) }));
}

export async function evidenceFile(db: Db, evidenceId: string) {
  const [row] = await db
    .select({ evidence: obligationEvidence, modelId: obligations.modelId })
    .from(obligationEvidence)
    .innerJoin(obligations, eq(obligations.id, obligationEvidence.obligationId))
    .where(eq(obligationEvidence.id, evidenceId));
  return row ?? null;
}

/** Every model with the articles and statuses of its applicable obligations (none for an unclassified model), for portfolio coverage. */
export function obligationsAcrossModels(db: Db) {
  return db
    .select({ slug: models.slug, name: models.name, riskTier: models.riskTier, article: obligations.article, status: obligations.status })
    .from(models)
    .leftJoin(obligations, and(eq(obligations.modelId, models.id), eq(obligations.applicable, true)))
    .orderBy(asc(models.name), asc(obligations.position));
}

/**
 * What compliance officers must look at in risk classification: proposals awaiting a decision,
 * and decisions in force that a card change put back under review. Oldest first.
 */
export async function classificationsAwaitingOfficers(db: Db) {
  const rows = await db
    .select({ id: riskClassifications.id, status: riskClassifications.status, tier: riskClassifications.computedTier, needsReview: riskClassifications.needsReview, reason: riskClassifications.needsReviewReason, proposedAt: riskClassifications.proposedAt, proposedBy: riskClassifications.proposedByEmail, slug: models.slug, name: models.name })
    .from(riskClassifications)
    .innerJoin(models, eq(models.id, riskClassifications.modelId))
    .where(or(eq(riskClassifications.status, "proposed"), and(inArray(riskClassifications.status, ["confirmed", "overridden"]), eq(riskClassifications.needsReview, true))))
    .orderBy(asc(riskClassifications.proposedAt))
    .limit(50);
  return rows.map((r) => ({ ...r, kind: r.status === "proposed" ? ("decide" as const) : ("review" as const) }));
}
