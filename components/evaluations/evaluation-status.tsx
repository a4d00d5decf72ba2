import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import type { EvaluationResponse, EvaluationStatus as TStatus } from "@/lib/services/evaluations/queries";

type Waiver = EvaluationResponse["waiver"];

const STATUS: Record<TStatus, { label: string; tone: "success" | "danger" | "warning" }> = {
  pass: { label: "Pass", tone: "success" },
  fail: { label: "Fail", tone: "danger" },
  waived: { label: "Waived", tone: "warning" },
};

export function EvaluationStatusBadge({ status }: { status: TStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

/**
 * The status and, wherever it shows, the waiver behind it: who accepted the failure, why and
 * until when. A lapsed waiver is still said, so a reader knows the failure was once accepted.
 * "compact" fits a table cell (the justification is clamped, its full text in the title).
 */
export function EvaluationStatus({ status, waiver, compact = false }: { status: TStatus; waiver: Waiver; compact?: boolean }) {
  return (
    <div className="min-w-0">
      <EvaluationStatusBadge status={status} />
      {waiver && (
        <div className={compact ? "mt-1 max-w-64 text-xs text-ink-muted" : "mt-2 max-w-2xl text-sm text-ink-muted"}>
          <p>
            {waiver.active ? "Waived" : "Waiver lapsed"} by <span className="font-medium text-ink">{waiver.waivedBy}</span>{" "}
            {waiver.active ? "until" : "on"} <time dateTime={waiver.expiresAt} className="font-medium text-ink">{formatDate(waiver.expiresAt)}</time>
          </p>
          <p className={compact ? "line-clamp-2 break-words" : "mt-1 whitespace-pre-line break-words"} title={compact ? waiver.justification : undefined}>
            <span className="sr-only">Justification: </span>“{waiver.justification}”
          </p>
        </div>
      )}
    </div>
  );
}
