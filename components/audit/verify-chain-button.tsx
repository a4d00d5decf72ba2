"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";
import type { ChainVerification } from "@/lib/domain/audit-chain";

/** Asks the server to recompute every hash in the chain and reports the first break, if any. */
export function VerifyChainButton() {
  const verify = useMutation({ mutationFn: () => callApi<ChainVerification>("/api/v1/audit/verify", { method: "GET" }) });
  const result = verify.data;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <Button variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify chain"}
      </Button>
      <p aria-live="polite" className="text-sm">
        {verify.isError && <span className="font-medium text-danger">Could not verify: {verify.error.message}</span>}
        {result?.ok && (
          <span className="font-medium text-success">
            Chain intact: {result.checked.toLocaleString("en")} events checked, head #{result.headSeq}, hash <code className="font-mono">{result.headHash.slice(0, 12)}…</code>
          </span>
        )}
        {result && !result.ok && (
          <span className="font-medium text-danger">
            Broken at event #{result.firstBrokenSeq}: {result.reason}
          </span>
        )}
      </p>
    </div>
  );
}
