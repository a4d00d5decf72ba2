import Link from "next/link";
import type { TModel, TModelVersion } from "@/db/schema";
import { getDb } from "@/db/instance";
import { Badge } from "@/components/ui/badge";
import type { Actor } from "@/lib/auth/actor";
import { fieldAnchor } from "@/lib/domain/model-card/template";
import { cardField } from "@/lib/services/reviews/comments";
import { commentThreadsFor } from "./comment-data";
import { CommentThread } from "./comment-thread";
import { versionApi } from "./links";

/** The version page's "Review comments": the open threads, for the owner to answer and resolve. */
export async function OpenComments({ model, version, actor }: { model: TModel; version: TModelVersion; actor: Extract<Actor, { kind: "user" }> }) {
  const { threads, unresolved } = await commentThreadsFor(await getDb(), model, version, actor);
  const open = threads.filter((t) => t.resolvedAt === null);
  const versionPath = `/models/${encodeURIComponent(model.slug)}/versions/${encodeURIComponent(version.version)}`;
  const reviewPage = `/models/${encodeURIComponent(model.slug)}/reviews?version=${encodeURIComponent(version.version)}#review-comments`;
  return (
    <section id="review-comments" aria-labelledby="comments-heading" className="mt-8 scroll-mt-20 rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-4">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id="comments-heading" className="text-base font-semibold">Review comments</h3>
          <Badge tone={unresolved > 0 ? "danger" : "neutral"}>{unresolved} open</Badge>
          {threads.length > open.length && <span className="text-sm text-ink-muted">{threads.length - open.length} resolved</span>}
        </div>
        <Link href={reviewPage} className="text-sm font-medium text-brand hover:underline">See every comment on the review page</Link>
      </header>
      <div className="p-5">
        {open.length === 0 ? (
          <p className="text-sm text-ink-muted">
            {threads.length === 0 ? "No comments yet. Compliance officers comment on card fields from the review page; their comments appear here to answer." : "Every comment is resolved."}
          </p>
        ) : (
          <ul className="space-y-4">
            {open.map((t) => {
              const field = cardField(t.fieldPath);
              const [section, key] = t.fieldPath.split(".");
              return (
                <li key={t.id} className="space-y-2">
                  <p className="text-sm font-medium">
                    <Link href={`${versionPath}/card#${fieldAnchor(section!, key!)}`} className="text-brand hover:underline">{field ? `${field.section.title} · ${field.label}` : t.fieldPath}</Link>
                  </p>
                  <CommentThread api={versionApi(model.slug, version.version)} thread={t} />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
