"use client";

import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";

export function RedeliverButton({ deliveryId, eventType }: { deliveryId: string; eventType: string }) {
  const redeliver = useApiMutation(() => callApi(`/api/v1/admin/webhook-deliveries/${deliveryId}/redeliver`, { method: "POST" }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" disabled={redeliver.isPending} onClick={() => redeliver.mutate(undefined)}>
        {redeliver.isPending ? "Queuing…" : "Redeliver"}<span className="sr-only"> {eventType}</span>
      </Button>
      <FormError error={redeliver.error} className="max-w-xs text-left" />
    </div>
  );
}
