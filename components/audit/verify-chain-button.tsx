"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";
import type { TAuditLogVerification } from "@/lib/domain/audit-checkpoint";

/**
 * Asks the server to recompute every hash in the chain and to check every signed checkpoint
 * against it, and reports the first break of each: a history rewritten and re-chained passes the
 * first check and fails the second.
 */
export function VerifyChainButton() {
  const verify = useMutation({ mutationFn: () => callApi<TAuditLogVerification>("/api/v1/audit/verify", { method: "GET" }) });
  const result = verify.data;
  const checkpoints = result?.checkpoints;
  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify chain and checkpoints"}
      </Button>
      <div aria-live="polite" className="space-y-0.5 text-sm">
        {verify.isError && <p className="font-medium text-danger">Could not verify: {verify.error.message}</p>}
        {result &&
          (result.chainOk ? (
            <p className="font-medium text-success">
              Chain intact: {result.checked.toLocaleString("en")} events checked, head #{result.headSeq}, hash <code className="font-mono">{result.headHash.slice(0, 12)}…</code>
            </p>
          ) : (
            <p className="font-medium text-danger">
              Chain broken at event #{result.firstBrokenSeq}: {result.reason}
            </p>
          ))}
        {checkpoints &&
          (checkpoints.ok ? (
            <p className={checkpoints.checked ? "font-medium text-success" : "text-ink-muted"}>
              {checkpoints.checked
                ? `Signed checkpoints hold: ${checkpoints.checked.toLocaleString("en")} checked, the latest at event #${checkpoints.lastGoodSeq}.`
                : "No signed checkpoint yet: the first is made when a document is issued, or within the hour once the log grows."}
            </p>
          ) : (
            <p className="font-medium text-danger">
              {checkpoints.firstFailingSeq === undefined ? "Signed checkpoints stopped" : `Checkpoint at event #${checkpoints.firstFailingSeq} fails`}: {checkpoints.reason}
              {checkpoints.lastGoodSeq !== undefined && ` (the last checkpoint that holds is at event #${checkpoints.lastGoodSeq}).`}
            </p>
          ))}
      </div>
    </div>
  );
}
