import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, obligations, riskClassifications, type TRiskClassification } from "@/db/schema";
import { actorEmail, type Actor } from "@/lib/auth/actor";
import type { TRiskEvaluation } from "@/lib/domain/risk/ruleset";
import { Conflict, NotFound } from "../errors";
import { refreshModelCompleteness } from "../model-cards/refresh-completeness";

/** The proposed classification, locked; refuses one that was already decided. */
export async function loadProposal(tx: Db, classificationId: string): Promise<TRiskClassification> {
  const [record] = await tx.select().from(riskClassifications).where(eq(riskClassifications.id, classificationId)).for("update");
  if (!record) throw new NotFound("The classification");
  if (record.status !== "proposed") throw new Conflict(`This classification was already ${record.status}.`);
  return record;
}

/**
 * Makes a proposal the decision in force: earlier decisions become superseded, the model's tier
 * follows, and its obligations are brought in line — new articles are added, articles that no
 * longer apply are kept but marked not applicable, and the status, owner, due date and evidence
 * of those that still apply are kept. Returns what changed in the obligations, for the audit event.
 */
export async function applyDecision(tx: Db, actor: Actor, record: TRiskClassification, decision: { status: "confirmed" | "overridden"; finalTier: string; justification: string | null }) {
  await tx
    .update(riskClassifications)
    .set({ status: "superseded" })
    .where(and(eq(riskClassifications.modelId, record.modelId), inArray(riskClassifications.status, ["confirmed", "overridden"]), ne(riskClassifications.id, record.id)));
  await tx
    .update(riskClassifications)
    .set({
      status: decision.status,
      finalTier: decision.finalTier,
      overrideJustification: decision.justification,
      decidedBy: actor.kind === "user" ? actor.userId : null,
      decidedByEmail: actorEmail(actor),
      decidedAt: new Date(),
    })
    .where(eq(riskClassifications.id, record.id));
  const [model] = await tx.update(models).set({ riskTier: decision.finalTier, updatedAt: new Date() }).where(eq(models.id, record.modelId)).returning();
  const obligationsChanged = await syncObligations(tx, record.modelId, record.obligations as TRiskEvaluation["obligations"]);
  await refreshModelCompleteness(tx, model!);
  return { model: model!, ...obligationsChanged };
}

async function syncObligations(tx: Db, modelId: string, derived: TRiskEvaluation["obligations"]) {
  const existing = await tx.select().from(obligations).where(eq(obligations.modelId, modelId));
  const byArticle = new Map(existing.map((o) => [o.article, o]));
  const added: string[] = [];
  for (const [position, o] of derived.entries()) {
    const fields = { title: o.title, checklist: o.checklist, appliesFrom: o.appliesFrom, legalStatus: o.legalStatus, position, applicable: true, updatedAt: new Date() };
    const current = byArticle.get(o.article);
    if (current) await tx.update(obligations).set(fields).where(eq(obligations.id, current.id));
    else {
      await tx.insert(obligations).values({ modelId, article: o.article, ...fields });
      added.push(o.article);
    }
  }
  const articles = new Set<string>(derived.map((o) => o.article));
  const noLongerApplicable = existing.filter((o) => o.applicable && !articles.has(o.article)).map((o) => o.article);
  if (noLongerApplicable.length) {
    await tx.update(obligations).set({ applicable: false, updatedAt: new Date() }).where(and(eq(obligations.modelId, modelId), inArray(obligations.article, noLongerApplicable)));
  }
  return { obligationsAdded: added, obligationsNoLongerApplicable: noLongerApplicable };
}
