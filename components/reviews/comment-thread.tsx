"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { TextArea } from "@/components/ui/text-area";
import { postReviewApi } from "./api";
import type { TCommentView, TThreadView } from "./comment-data";

/** One comment thread: the reviewer's remark, the answers, and (for who may) answer and resolve. */
export function CommentThread({ api, thread }: { api: string; thread: TThreadView }) {
  const [reply, setReply] = useState("");
  const replyId = `reply-${thread.id}`;
  const answer = useApiMutation((body: string) => postReviewApi(`${api}/comments/${thread.id}/replies`, { body }), () => setReply(""));
  const resolve = useApiMutation(() => postReviewApi(`${api}/comments/${thread.id}/resolve`, {}));
  const resolved = thread.resolvedAt !== null;
  return (
    <article aria-label={`Comment by ${thread.authorEmail}`} className={resolved ? "rounded-md border border-line bg-slate-50 p-3" : "rounded-md border border-amber-200 bg-amber-50/60 p-3"}>
      <ol className="space-y-3">
        {[thread, ...thread.replies].map((c, i) => <Comment key={c.id} comment={c} first={i === 0} />)}
      </ol>
      {resolved ? (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-xs text-ink-muted">
          <Badge tone="success">Resolved</Badge> by {thread.resolvedByEmail} on {formatDateTime(thread.resolvedAt!)}
        </p>
      ) : (
        (thread.canReply || thread.canResolve) && (
          <form
            className="mt-3 space-y-2 border-t border-amber-200 pt-3"
            aria-label="Answer the comment"
            onSubmit={(e) => {
              e.preventDefault();
              if (reply.trim() !== "") answer.mutate(reply);
            }}
          >
            <FormError error={answer.error ?? resolve.error} shownFields={["body"]} />
            {thread.canReply && (
              <Field id={replyId} label="Your answer" error={answer.fieldErrors.body}>
                <TextArea id={replyId} value={reply} onChange={(e) => setReply(e.target.value)} maxLength={5_000} rows={2} error={answer.fieldErrors.body} />
              </Field>
            )}
            <div className="flex flex-wrap gap-2">
              {thread.canReply && <Button type="submit" size="sm" disabled={answer.isPending || reply.trim() === ""}>Answer</Button>}
              {thread.canResolve && <Button variant="secondary" size="sm" onClick={() => resolve.mutate(undefined)} disabled={resolve.isPending}>Resolve</Button>}
            </div>
          </form>
        )
      )}
    </article>
  );
}

function Comment({ comment, first }: { comment: TCommentView; first: boolean }) {
  return (
    <li className={first ? "" : "border-l-2 border-line pl-3"}>
      <p className="text-xs text-ink-muted">
        <span className="font-medium text-ink">{comment.authorEmail}</span> · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      </p>
      <p className="mt-0.5 whitespace-pre-wrap break-words text-sm">{comment.body}</p>
    </li>
  );
}
