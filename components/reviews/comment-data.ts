import type { Db } from "@/db/client";
import type { TModel, TModelVersion } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/permissions";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";
import { commentThreads } from "@/lib/services/reviews/comments";

type UserActor = Extract<Actor, { kind: "user" }>;

export type TCommentView = { id: string; body: string; authorEmail: string; createdAt: string };
export type TThreadView = TCommentView & {
  fieldPath: string;
  resolvedAt: string | null;
  resolvedByEmail: string | null;
  replies: TCommentView[];
  /** What this actor may do with the thread (the server checks again). */
  canReply: boolean;
  canResolve: boolean;
};

/** A version's comment threads as the UI shows them to this actor, with what they may do. */
export async function commentThreadsFor(db: Db, model: TModel, version: TModelVersion, actor: UserActor) {
  const threads = await commentThreads(db, version.id);
  const involved = await isOwnerOrMaintainer(db, model, actor.userId);
  const responds = allows(actor.roles, "reviews.respond") && version.stage !== "retired";
  const officer = actor.roles.includes("compliance_officer");
  const view = (c: { id: string; body: string; authorEmail: string; createdAt: Date }): TCommentView => ({ id: c.id, body: c.body, authorEmail: c.authorEmail, createdAt: c.createdAt.toISOString() });
  const views: TThreadView[] = threads.map((t) => ({
    ...view(t),
    fieldPath: t.fieldPath,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolvedByEmail: t.resolvedByEmail,
    replies: t.replies.map(view),
    canReply: responds && t.resolvedAt === null && (officer || involved),
    canResolve: responds && t.resolvedAt === null && (involved || t.authorId === actor.userId),
  }));
  return { threads: views, unresolved: views.filter((t) => t.resolvedAt === null).length, canComment: allows(actor.roles, "reviews.comment") && version.stage !== "retired" };
}
