import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reviewComments, type TReviewComment } from "@/db/schema";
import { MODEL_CARD_TEMPLATE, type TCardSection } from "@/lib/domain/model-card/template";
import { NotFound } from "../errors";

/*
 * Review comments: a compliance officer's remark on one card field (the root of a thread) and
 * the answers in its thread. They are a conversation about the dossier, not part of it: adding,
 * answering or resolving one changes no dossier hash and invalidates no approval.
 */

export type TCommentThread = TReviewComment & { fieldPath: string; replies: TReviewComment[] };

/** "section.field" paths of every card field, in template order: what a comment may be about. */
export const CARD_FIELD_PATHS: readonly string[] = (MODEL_CARD_TEMPLATE as readonly TCardSection[]).flatMap((s) => s.fields.map((f) => `${s.key}.${f.key}`));

/** The section and field a path names, with their titles; null for a path the template does not know. */
export function cardField(fieldPath: string): { section: TCardSection; label: string } | null {
  const [sectionKey, fieldKey] = fieldPath.split(".");
  const section = (MODEL_CARD_TEMPLATE as readonly TCardSection[]).find((s) => s.key === sectionKey);
  const field = section?.fields.find((f) => f.key === fieldKey);
  return section && field ? { section, label: field.label } : null;
}

/** Every thread on a version, oldest first, each with its answers in order. */
export async function commentThreads(db: Db, versionId: string): Promise<TCommentThread[]> {
  const rows = await db.select().from(reviewComments).where(eq(reviewComments.versionId, versionId)).orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));
  return rows
    .filter((r) => r.parentId === null)
    .map((root) => ({ ...root, fieldPath: root.fieldPath ?? "", replies: rows.filter((r) => r.parentId === root.id) }));
}

/** A thread's root comment on this version, locked for the caller's transaction. */
export async function lockedThread(tx: Db, versionId: string, commentId: string): Promise<TReviewComment & { fieldPath: string }> {
  const [root] = await tx
    .select()
    .from(reviewComments)
    .where(and(eq(reviewComments.id, commentId), eq(reviewComments.versionId, versionId), isNull(reviewComments.parentId)))
    .for("update");
  if (!root) throw new NotFound("The comment");
  return { ...root, fieldPath: root.fieldPath ?? "" };
}
