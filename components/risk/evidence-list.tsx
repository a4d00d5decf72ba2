import { formatDateTime } from "@/components/ui/format";
import { formatBytes, safeHttpUrl } from "./vocabulary";

export type TEvidence = {
  id: string;
  kind: string;
  note: string;
  url: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  addedByEmail: string;
  addedAt: Date;
};

/** The evidence an obligation rests on, oldest first: notes as text, links only when they are web links, files with their hash. */
export function EvidenceList({ evidence, article }: { evidence: TEvidence[]; article: string }) {
  if (evidence.length === 0) return <p className="text-sm text-ink-muted">No evidence yet.</p>;
  return (
    <ul className="divide-y divide-line rounded-md border border-line">
      {evidence.map((e) => {
        const href = e.url ? safeHttpUrl(e.url) : null;
        return (
          <li key={e.id} className="space-y-1 px-3 py-2 text-sm">
            {e.kind === "file" && e.fileName && (
              <p className="flex flex-wrap items-baseline gap-x-2">
                <a href={`/api/v1/evidence/${e.id}`} download className="break-all font-medium text-brand hover:underline">
                  {e.fileName}
                  <span className="sr-only"> (download, evidence for {article})</span>
                </a>
                {e.sizeBytes !== null && <span className="text-xs text-ink-muted">{formatBytes(e.sizeBytes)}</span>}
                {e.sha256 && (
                  <span className="font-mono text-xs text-ink-muted" title={`SHA-256 ${e.sha256}`}>
                    <span aria-hidden>SHA-256 {e.sha256.slice(0, 12)}…</span>
                    <span className="sr-only">SHA-256 {e.sha256}</span>
                  </span>
                )}
              </p>
            )}
            {e.url &&
              (href ? (
                <p className="break-all">
                  <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-brand hover:underline">{e.url}</a>
                </p>
              ) : (
                <p className="break-all text-ink-muted">{e.url} (not a web link, so not linked)</p>
              ))}
            {e.note && <p className="whitespace-pre-line break-words text-ink">{e.note}</p>}
            <p className="text-xs text-ink-muted">
              Added by {e.addedByEmail} on <time dateTime={e.addedAt.toISOString()}>{formatDateTime(e.addedAt)}</time>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
