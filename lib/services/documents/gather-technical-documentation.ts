import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { datasetRefs, evaluations, evaluationWaivers, modelCardRevisions, modelVersions, reviewDecisions, users } from "@/db/schema";
import { actorEmail, type Actor } from "@/lib/auth/actor";
import type { TDossier } from "@/lib/domain/approvals/dossier";
import type { TEvaluationMetrics } from "@/lib/domain/fairness/evaluation";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import type { TJudgement } from "@/lib/domain/fairness/judge";
import { emptyModelCard } from "@/lib/domain/model-card/schema";
import type { TModelCard, TRiskTier } from "@/lib/domain/model-card/template";
import type { TLegalBasis, TObligationStatus, TRiskFlags } from "@/lib/domain/risk/ruleset";
import { conformityRecords } from "@/lib/pdf/conformity";
import type { TApprovalEntry, TDocumentedEvaluation, TTechnicalDocumentationData } from "@/lib/pdf/technical-documentation-data";
import { documentSigningKey } from "../audit/checkpoint-queries";
import { auditHeadState } from "../audit/queries";
import { evaluationStatus } from "../evaluations/queries";
import { loadModelVersion } from "../models/load";
import { dossierState } from "../reviews/dossier-state";
import { currentClassification, obligationsOfModel } from "../risk/queries";

/*
 * The one function that fills the technical documentation from the records. Everything it
 * cannot source stays null or empty (standards and Annex V details the card does not give, the
 * checkpoint signing key): the template prints "Not provided" for those and lists them.
 */

const DECISION_WORDS: Record<string, TApprovalEntry["decision"]> = { approve: "approved", request_changes: "changes_requested", reject: "rejected" };

const iso = (d: Date) => d.toISOString();
const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The stored card content with every section present, whatever the revision left out. */
function fullCard(content: unknown): TModelCard {
  const card = emptyModelCard() as unknown as Record<string, Record<string, unknown>>;
  if (content && typeof content === "object") {
    for (const [key, value] of Object.entries(content as Record<string, unknown>)) {
      if (key in card && value && typeof value === "object" && !Array.isArray(value)) card[key] = { ...(value as Record<string, unknown>) };
    }
  }
  return card as unknown as TModelCard;
}

export type TGatherOptions = { documentId: string; generatedAt: Date };

export async function gatherTechnicalDocumentation(db: Db, slug: string, label: string, actor: Actor, options: TGatherOptions): Promise<TTechnicalDocumentationData> {
  const { model, version } = await loadModelVersion(db, slug, label);

  const [revisions, datasets, evaluationRows, classification, duties, versions, decisions, dossier, head, signingKey] = await Promise.all([
    db.select().from(modelCardRevisions).where(eq(modelCardRevisions.versionId, version.id)).orderBy(asc(modelCardRevisions.revision)),
    db.select().from(datasetRefs).where(eq(datasetRefs.versionId, version.id)).orderBy(asc(datasetRefs.position)),
    db.select().from(evaluations).where(eq(evaluations.versionId, version.id)).orderBy(desc(evaluations.createdAt), desc(evaluations.id)),
    currentClassification(db, model.id),
    obligationsOfModel(db, model.id),
    db
      .select({ version: modelVersions.version, stage: modelVersions.stage, createdAt: modelVersions.createdAt, createdBy: users.email })
      .from(modelVersions)
      .leftJoin(users, eq(users.id, modelVersions.createdBy))
      .where(eq(modelVersions.modelId, model.id))
      .orderBy(asc(modelVersions.createdAt)),
    db
      .select({ decision: reviewDecisions, version: modelVersions.version })
      .from(reviewDecisions)
      .innerJoin(modelVersions, eq(modelVersions.id, reviewDecisions.versionId))
      .where(eq(modelVersions.modelId, model.id))
      .orderBy(asc(reviewDecisions.decidedAt)),
    dossierState(db, model, version, options.generatedAt),
    auditHeadState(db),
    documentSigningKey(db),
  ]);

  const waivers = new Map<string, typeof evaluationWaivers.$inferSelect>();
  if (evaluationRows.length > 0) {
    const rows = await db.select().from(evaluationWaivers).where(inArray(evaluationWaivers.evaluationId, evaluationRows.map((e) => e.id))).orderBy(asc(evaluationWaivers.waivedAt));
    for (const w of rows) waivers.set(w.evaluationId, w);
  }

  // Who signed each test report off: the approvers whose approval's dossier included it.
  const approvals = decisions.filter((d) => d.decision.decision === "approve" && d.decision.versionId === version.id);
  const approversOf = (evaluationId: string) =>
    approvals
      .filter((a) => ((a.decision.dossier as TDossier).evaluations ?? []).some((e) => e.id === evaluationId))
      .map((a) => ({ email: a.decision.approverEmail, at: iso(a.decision.decidedAt) }));

  const documentedEvaluations: TDocumentedEvaluation[] = evaluationRows.map((e) => {
    const metrics = e.metrics as TEvaluationMetrics;
    const waiver = waivers.get(e.id) ?? null;
    return {
      id: e.id,
      name: e.name,
      rows: e.rows,
      inputSha256: e.inputSha256,
      source: e.source,
      status: evaluationStatus(e.result, waiver, options.generatedAt),
      thresholds: e.thresholds as TFairnessThresholds,
      overall: metrics.overall,
      attributes: metrics.attributes,
      intersections: metrics.intersections,
      judgement: e.judgement as TJudgement,
      createdBy: e.createdByEmail,
      createdAt: iso(e.createdAt),
      waiver: waiver && {
        justification: waiver.justification,
        expiresAt: iso(waiver.expiresAt),
        waivedBy: waiver.waivedByEmail,
        waivedAt: iso(waiver.waivedAt),
        active: waiver.expiresAt > options.generatedAt,
      },
      approvers: approversOf(e.id),
    };
  });

  const current = revisions[revisions.length - 1] ?? null;
  const content = current ? fullCard(current.content) : null;
  const provider = content?.modelDetails.provider;
  const systemProvider = typeof provider === "string" && provider.trim() !== "" ? provider : null;
  const answers = (classification?.answers ?? {}) as Record<string, unknown>;

  return {
    documentId: options.documentId,
    generatedAt: iso(options.generatedAt),
    generatedBy: actorEmail(actor),
    system: {
      name: model.name,
      slug: model.slug,
      version: version.version,
      provider: systemProvider,
      lifecycleStage: version.stage,
      artifactUri: version.artifactUri,
      framework: version.framework,
      experimentRef: version.experimentRef,
      nextReviewDate: isoDate(version.nextReviewDue),
    },
    dossierSha256: dossier.hash,
    signingKey,
    card: current && content ? { revision: current.revision, contentSha256: current.contentHash, content, author: current.authorEmail, at: iso(current.createdAt) } : null,
    cardRevisions: revisions.map((r) => ({ revision: r.revision, author: r.authorEmail, at: iso(r.createdAt), summary: r.summary, contentSha256: r.contentHash })),
    datasets: datasets.map((d) => ({ role: d.role, name: d.name, version: d.datasetVersion, uri: d.uri, contentSha256: d.contentHash })),
    evaluations: documentedEvaluations,
    classification: classification
      ? {
          tier: (classification.finalTier ?? classification.computedTier) as TRiskTier,
          computedTier: classification.computedTier as TRiskTier,
          rulesetVersion: classification.rulesetVersion,
          status: classification.status,
          legalBasis: classification.legalBasis as TLegalBasis[],
          flags: classification.flags as TRiskFlags,
          rationale: classification.rationale,
          overrideJustification: classification.overrideJustification,
          annexIProduct: answers.annexISafetyComponent === true,
          proposedBy: classification.proposedByEmail,
          proposedAt: iso(classification.proposedAt),
          decidedBy: classification.decidedByEmail,
          decidedAt: classification.decidedAt ? iso(classification.decidedAt) : null,
        }
      : null,
    obligations: duties
      .filter((o) => o.applicable)
      .map((o) => ({
        article: o.article,
        title: o.title,
        status: o.status as TObligationStatus,
        appliesFrom: o.appliesFrom,
        dueDate: o.dueDate,
        owner: o.ownerEmail,
        note: o.note,
        evidence: o.evidence.map((e) => ({
          kind: e.kind,
          name: e.kind === "file" ? (e.fileName ?? "file") : e.kind === "link" ? (e.url ?? "") : e.note,
          sha256: e.sha256,
          url: e.url,
          addedBy: e.addedByEmail,
          addedAt: iso(e.addedAt),
        })),
      })),
    versions: versions.map((v) => ({ version: v.version, stage: v.stage, createdAt: iso(v.createdAt), createdBy: v.createdBy })),
    approvals: decisions.map((d) => ({
      version: d.version,
      decision: DECISION_WORDS[d.decision.decision] ?? d.decision.decision,
      by: d.decision.approverEmail,
      at: iso(d.decision.decidedAt),
      dossierSha256: d.decision.dossierHash,
      comment: d.decision.comment,
      invalidation: d.decision.invalidatedAt ? { at: iso(d.decision.invalidatedAt), reason: d.decision.invalidatedByChange ?? "" } : null,
    })),
    // Points 7 and 8: the card's "conformity" section.
    ...conformityRecords(content, systemProvider),
    auditHead: head.seq > 0 ? { seq: head.seq, hash: head.hash } : null,
  };
}
