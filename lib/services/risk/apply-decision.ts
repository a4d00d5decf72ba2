import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { models, obligations, riskClassifications, type TRiskClassification } from "@/db/schema";
import { actorEmail, type Actor } from "@/lib/auth/actor";
import type { TRiskEvaluation } from "@/lib/domain/risk/ruleset";
import { Conflict, NotFound } from "../errors";
import { refreshModelCompleteness } from "../model-cards/refresh-completeness";

/**
 * The proposed classification, locked; refuses one that was already decided. The model row is
 * locked first: it serialises decisions on one model (two confirmed at once would otherwise both
 * stay in force) and takes the locks in the order card saves take them (model, then
 * classification), so a concurrent save and decision cannot deadlock.
 */
export async function loadProposal(tx: Db, classificationId: string): Promise<TRiskClassification> {
  const [found] = await tx.select({ modelId: riskClassifications.modelId }).from(riskClassifications).where(eq(riskClassifications.id, classificationId));
  if (!found) throw new NotFound("The classification");
  await tx.select({ id: models.id }).from(models).where(eq(models.id, found.modelId)).for("update");
  const [record] = await tx.select().from(riskClassifications).where(eq(riskClassifications.id, classificationId)).for("update");
  if (!record) throw new NotFound("The classification");
  if (record.status !== "proposed") throw new Conflict(`This classification was already ${record.status}.`);
  // Only the newest proposal can be decided: deciding an older one would put outdated answers in force.
  const [newer] = await tx
    .select({ id: riskClassifications.id })
    .from(riskClassifications)
    // Compared in SQL: a JavaScript Date would drop PostgreSQL's microseconds and find the record newer than itself.
    .where(
      and(
        eq(riskClassifications.modelId, record.modelId),
        ne(riskClassifications.id, record.id),
        sql`${riskClassifications.proposedAt} > (SELECT proposed_at FROM risk_classifications WHERE id = ${record.id})`,
      ),
    )
    .limit(1);
  if (newer) throw new Conflict("A newer classification was proposed for this model since: decide that one.");
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
    // Earlier decisions, and earlier proposals nobody decided, are all replaced by this decision.
    .where(and(eq(riskClassifications.modelId, record.modelId), inArray(riskClassifications.status, ["confirmed", "overridden", "proposed"]), ne(riskClassifications.id, record.id)));
  const [decided] = await tx
    .update(riskClassifications)
    .set({
      status: decision.status,
      finalTier: decision.finalTier,
      overrideJustification: decision.justification,
      decidedBy: actor.kind === "user" ? actor.userId : null,
      decidedByEmail: actorEmail(actor),
      decidedAt: new Date(),
    })
    .where(eq(riskClassifications.id, record.id))
    .returning();
  const [model] = await tx.update(models).set({ riskTier: decision.finalTier, updatedAt: new Date() }).where(eq(models.id, record.modelId)).returning();
  const obligationsChanged = await syncObligations(tx, record.modelId, record.obligations as TRiskEvaluation["obligations"]);
  await refreshModelCompleteness(tx, model!);
  return { record: decided!, model: model!, ...obligationsChanged };
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
  const noLongerApplicable: string[] = [];
  // The rest follow the applicable ones, in their earlier order, so that positions stay unique.
  const rest = existing.filter((o) => !articles.has(o.article)).sort((a, b) => a.position - b.position);
  for (const [i, o] of rest.entries()) {
    const position = derived.length + i;
    if (o.applicable) noLongerApplicable.push(o.article);
    if (o.applicable || o.position !== position) {
      await tx.update(obligations).set({ applicable: false, position, ...(o.applicable ? { updatedAt: new Date() } : {}) }).where(eq(obligations.id, o.id));
    }
  }
  return { obligationsAdded: added, obligationsNoLongerApplicable: noLongerApplicable };
}
