"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";
import { WebhookSecret } from "./webhook-secret";

/** Test, rotate, stop or start one webhook. Rotation and deactivation take a second, deliberate click. */
export function WebhookActions({ id, url, active }: { id: string; url: string; active: boolean }) {
  const [confirming, setConfirming] = useState<"rotate" | "deactivate" | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pinged, setPinged] = useState(false);
  const base = `/api/v1/admin/webhooks/${id}`;
  const ping = useApiMutation(() => callApi(`${base}/ping`, { method: "POST" }), () => setPinged(true));
  const rotate = useApiMutation(() => callApi<{ secret: string }>(`${base}/rotate-secret`, { method: "POST", body: {} }), (r) => {
    setSecret(r.secret);
    setConfirming(null);
  });
  const deactivate = useApiMutation(() => callApi(`${base}/deactivate`, { method: "POST" }), () => setConfirming(null));
  const activate = useApiMutation(() => callApi(base, { method: "PATCH", body: { active: true } }));
  const pending = ping.isPending || rotate.isPending || deactivate.isPending || activate.isPending;
  const error = ping.error ?? rotate.error ?? deactivate.error ?? activate.error;

  return (
    <div className="space-y-3">
      {secret && <WebhookSecret url={url} secret={secret} onDismiss={() => setSecret(null)} />}
      <div className="flex flex-wrap items-center gap-2">
        {active ? (
          <>
            <Button variant="secondary" size="sm" disabled={pending} onClick={() => {
                setPinged(false);
                ping.mutate(undefined);
              }}>
              {ping.isPending ? "Sending…" : "Send test event"}
            </Button>
            {confirming === "rotate" ? (
              <>
                <Button variant="destructive" size="sm" autoFocus disabled={pending} onClick={() => rotate.mutate(undefined)}>{rotate.isPending ? "Rotating…" : "Confirm rotate"}</Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>Cancel</Button>
              </>
            ) : (
              <Button variant="secondary" size="sm" disabled={pending} onClick={() => setConfirming("rotate")}>Rotate secret</Button>
            )}
            {confirming === "deactivate" ? (
              <>
                <Button variant="destructive" size="sm" autoFocus disabled={pending} onClick={() => deactivate.mutate(undefined)}>{deactivate.isPending ? "Deactivating…" : "Confirm deactivate"}</Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>Cancel</Button>
              </>
            ) : (
              <Button variant="danger" size="sm" disabled={pending} onClick={() => setConfirming("deactivate")}>Deactivate</Button>
            )}
          </>
        ) : (
          <Button variant="secondary" size="sm" disabled={pending} onClick={() => activate.mutate(undefined)}>{activate.isPending ? "Activating…" : "Activate"}</Button>
        )}
      </div>
      {confirming === "rotate" && <p className="text-xs text-ink-muted">The old secret stops working at once: deliveries, retries included, are signed with the new one.</p>}
      {pinged && <p role="status" className="text-xs text-success">Test event queued: it appears in the delivery log below within seconds.</p>}
      <FormError error={error} />
    </div>
  );
}
