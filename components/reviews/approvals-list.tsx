import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";

export type TDecisionRow = {
  id: string;
  decision: string;
  comment: string;
  approverEmail: string;
  decidedAt: Date;
  dossierHash: string;
  invalidatedAt: Date | null;
  invalidatedByChange: string | null;
};

const DECISION_LABELS: Record<string, string> = { approve: "Approved", request_changes: "Requested changes", reject: "Rejected" };

/** The decisions of the current review: who, when, on which dossier, and whether it still stands. */
export function ApprovalsList({ decisions, currentHash, required }: { decisions: TDecisionRow[]; currentHash: string; required: number | null }) {
  const approvals = decisions.filter((d) => d.decision === "approve");
  const valid = approvals.filter((d) => d.invalidatedAt === null);
  return (
    <div>
      <p className="text-sm text-ink-muted">
        {required === null ? `${valid.length} valid approval${valid.length === 1 ? "" : "s"}` : `${new Set(valid.map((v) => v.approverEmail)).size} of ${required} required approval${required === 1 ? "" : "s"} given`}
      </p>
      {decisions.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">No decisions yet in this review.</p>
      ) : (
        <ul className="mt-3 divide-y divide-line rounded-md border border-line">
          {decisions.map((d) => {
            const stale = d.decision === "approve" && d.invalidatedAt === null && d.dossierHash !== currentHash;
            return (
              <li key={d.id} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{d.approverEmail}</span>
                  <Badge tone={d.decision === "approve" ? (d.invalidatedAt ? "neutral" : "success") : d.decision === "reject" ? "danger" : "warning"}>{DECISION_LABELS[d.decision] ?? d.decision}</Badge>
                  {d.decision === "approve" && (d.invalidatedAt || stale ? <Badge tone="danger">Invalid</Badge> : <Badge tone="success">Valid</Badge>)}
                  <span className="text-ink-muted">{formatDateTime(d.decidedAt)}</span>
                </div>
                <p className="text-xs text-ink-muted">
                  On dossier <code className="font-mono" title={d.dossierHash}>{d.dossierHash.slice(0, 16)}…</code>
                </p>
                {d.invalidatedAt && (
                  <p className="text-sm text-danger">
                    Invalidated {formatDateTime(d.invalidatedAt)} by: <span className="break-words">{d.invalidatedByChange ?? "a change to the dossier"}</span>
                  </p>
                )}
                {stale && !d.invalidatedAt && <p className="text-sm text-danger">Given on an earlier dossier: it does not cover the dossier as it stands.</p>}
                {d.comment && <p className="whitespace-pre-wrap break-words text-ink">{d.comment}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
