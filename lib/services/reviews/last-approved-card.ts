import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelVersions, reviewDecisions, type TModel, type TModelVersion } from "@/db/schema";
import type { TDossier } from "@/lib/domain/approvals/dossier";
import { cardRevision, latestCardRevision } from "../model-cards/queries";

/**
 * What a reviewer compares a version's card with: the card revision approved for the model's most
 * recently approved other version (approved, deployed or since retired). The revision is the one
 * in the dossier of that version's latest approval; null when no other version was ever approved.
 */
export async function lastApprovedCard(db: Db, model: TModel, version: TModelVersion) {
  const [approved] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), ne(modelVersions.id, version.id), isNotNull(modelVersions.approvedAt)))
    .orderBy(desc(modelVersions.approvedAt))
    .limit(1);
  if (!approved) return null;
  const [approval] = await db
    .select({ dossier: reviewDecisions.dossier })
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.versionId, approved.id), eq(reviewDecisions.decision, "approve")))
    .orderBy(desc(reviewDecisions.decidedAt))
    .limit(1);
  const revision = (approval?.dossier as TDossier | undefined)?.card?.revision;
  const card = revision !== undefined ? await cardRevision(db, approved.id, revision) : await latestCardRevision(db, approved.id);
  return { version: approved, card };
}
