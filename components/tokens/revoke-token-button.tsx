"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";

/** Revoking cannot be undone, so it takes a second, deliberate click. */
export function RevokeTokenButton({ tokenId, tokenName }: { tokenId: string; tokenName: string }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useApiMutation(() => callApi(`/api/v1/admin/tokens/${tokenId}/revoke`, { method: "POST" }));

  if (!confirming) {
    return (
      <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
        Revoke<span className="sr-only"> {tokenName}</span>
      </Button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button variant="ghost" size="sm" disabled={revoke.isPending} onClick={() => setConfirming(false)}>Cancel</Button>
        <Button variant="destructive" size="sm" autoFocus disabled={revoke.isPending} onClick={() => revoke.mutate(undefined)}>
          {revoke.isPending ? "Revoking…" : "Confirm revoke"}
        </Button>
      </div>
      <FormError error={revoke.error} className="max-w-xs text-left" />
    </div>
  );
}
