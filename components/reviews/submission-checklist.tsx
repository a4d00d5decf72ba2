import Link from "next/link";
import type { TPrecondition } from "@/lib/domain/approvals/policy";
import { preconditionHref } from "./links";

/** What still stands between a draft and its submission, each with where to fix it. */
export function SubmissionChecklist({ slug, version, preconditions }: { slug: string; version: string; preconditions: TPrecondition[] }) {
  if (preconditions.length === 0) {
    return (
      <p className="flex items-center gap-2 rounded-md border border-green-200 bg-success-soft px-3 py-2 text-sm font-medium text-success">
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor"><path d="M8 13.6 4.4 10 3 11.4l5 5 9-9L15.6 6z" /></svg>
        Ready to submit: every precondition is met.
      </p>
    );
  }
  return (
    <div>
      <p className="text-sm font-medium text-ink">{preconditions.length} precondition{preconditions.length === 1 ? " is" : "s are"} not met yet:</p>
      <ul className="mt-2 space-y-2">
        {preconditions.map((p, i) => (
          <li key={`${p.code}-${i}`} className="flex gap-2 text-sm">
            <span aria-hidden className="mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full bg-warning" />
            <span>
              {p.message}{" "}
              <Link href={preconditionHref(slug, version, p.link)} className="font-medium text-brand hover:underline">Fix this<span className="sr-only">: {p.code.replace(/_/g, " ")}</span></Link>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
