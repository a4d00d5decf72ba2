import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { evaluations, evaluationWaivers, modelCardRevisions, obligationEvidence, obligations, riskClassifications, type TModel, type TModelVersion } from "@/db/schema";
import { buildDossier, dossierHash, type TDossier, type TEvidenceInput } from "@/lib/domain/approvals/dossier";
import { cardFacts, type TClassificationStatus, type TSubmissionFacts } from "@/lib/domain/approvals/policy";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import type { TObligationStatus } from "@/lib/domain/risk/ruleset";
import { evaluationStatus } from "../evaluations/queries";
import { currentClassification } from "../risk/queries";

/*
 * The dossier of a version as it stands, read inside the caller's transaction.
 *
 * Which evaluations count: the latest evaluation of each name. A re-run under the same name
 * (an improved model evaluated on the same holdout) replaces the earlier result, so a failing
 * run that was fixed does not block the version forever; differently named evaluations all count.
 * A waiver is part of the dossier whether or not it has lapsed (it is content); whether it is
 * still in force is a fact at a time, checked by the preconditions and the gate.
 */

export type TDossierState = {
  dossier: TDossier;
  hash: string;
  tier: TRiskTier | null;
  facts: TSubmissionFacts;
  /** Authors of every card revision of the version up to the one in the dossier. */
  cardAuthorIds: (string | null)[];
};

export async function dossierState(tx: Db, model: TModel, version: TModelVersion, now = new Date()): Promise<TDossierState> {
  const revisions = await tx
    .select({ revision: modelCardRevisions.revision, contentHash: modelCardRevisions.contentHash, content: modelCardRevisions.content, authorId: modelCardRevisions.authorId })
    .from(modelCardRevisions)
    .where(eq(modelCardRevisions.versionId, version.id))
    .orderBy(desc(modelCardRevisions.revision));
  const card = revisions[0] ?? null;
  const classification = await currentClassification(tx, model.id);
  // Without a decision in force, a pending proposal is what the submitter must get confirmed.
  const proposed = classification
    ? false
    : (await tx.select({ id: riskClassifications.id }).from(riskClassifications).where(and(eq(riskClassifications.modelId, model.id), eq(riskClassifications.status, "proposed"))).limit(1)).length > 0;
  const tier = (classification?.finalTier ?? null) as TRiskTier | null;

  const latestPerName = new Map<string, typeof evaluations.$inferSelect>();
  for (const row of await tx.select().from(evaluations).where(eq(evaluations.versionId, version.id)).orderBy(desc(evaluations.createdAt), desc(evaluations.id))) {
    if (!latestPerName.has(row.name)) latestPerName.set(row.name, row);
  }
  const counted = [...latestPerName.values()];
  const waivers = new Map<string, typeof evaluationWaivers.$inferSelect>();
  if (counted.length > 0) {
    const rows = await tx.select().from(evaluationWaivers).where(inArray(evaluationWaivers.evaluationId, counted.map((e) => e.id))).orderBy(asc(evaluationWaivers.waivedAt));
    for (const w of rows) waivers.set(w.evaluationId, w);
  }

  const duties = await tx.select().from(obligations).where(eq(obligations.modelId, model.id)).orderBy(asc(obligations.position));
  const applicable = duties.filter((o) => o.applicable);
  const evidence = applicable.length
    ? await tx
        .select({ obligationId: obligationEvidence.obligationId, kind: obligationEvidence.kind, note: obligationEvidence.note, url: obligationEvidence.url, fileName: obligationEvidence.fileName, sha256: obligationEvidence.sha256 })
        .from(obligationEvidence)
        .where(inArray(obligationEvidence.obligationId, applicable.map((o) => o.id)))
    : [];

  const dossier = buildDossier({
    version: { id: version.id, label: version.version },
    card: card ? { revision: card.revision, contentHash: card.contentHash } : null,
    classification: classification
      ? {
          id: classification.id,
          status: classification.status,
          finalTier: classification.finalTier as TRiskTier,
          rulesetVersion: classification.rulesetVersion,
          legalBasis: classification.legalBasis,
          overrideJustification: classification.overrideJustification,
        }
      : null,
    evaluations: counted.map((e) => {
      const waiver = waivers.get(e.id);
      return { id: e.id, name: e.name, inputSha256: e.inputSha256, result: e.result as "pass" | "fail", waiver: waiver ? { justification: waiver.justification, expiresAt: waiver.expiresAt } : null };
    }),
    obligations: applicable.map((o) => ({
      article: o.article,
      status: o.status as TObligationStatus,
      note: o.note,
      evidence: evidence.filter((e) => e.obligationId === o.id).map(evidenceInput),
    })),
  });

  const facts: TSubmissionFacts = {
    tier,
    classification: { status: (classification?.status ?? (proposed ? "proposed" : null)) as TClassificationStatus | null, needsReview: classification?.needsReview ?? false },
    card: cardFacts(card?.revision ?? null, card?.content ?? null, tier),
    evaluations: counted.map((e) => ({ id: e.id, name: e.name, status: evaluationStatus(e.result, waivers.get(e.id) ?? null, now) })),
    obligations: duties.map((o) => ({ id: o.id, article: o.article, status: o.status as TObligationStatus, note: o.note, applicable: o.applicable })),
  };
  return { dossier, hash: dossierHash(dossier), tier, facts, cardAuthorIds: [...new Set(revisions.map((r) => r.authorId))] };
}

function evidenceInput(e: { kind: string; note: string; url: string | null; fileName: string | null; sha256: string | null }): TEvidenceInput {
  if (e.kind === "file") return { kind: "file", sha256: e.sha256 ?? "", fileName: e.fileName, note: e.note };
  if (e.kind === "link") return { kind: "link", url: e.url ?? "", note: e.note };
  return { kind: "note", note: e.note };
}
