"use client";

import { OneTimeSecret } from "@/components/ui/one-time-secret";

/** A webhook's signing secret, just generated: shown once, with what the receiver does with it. */
export function WebhookSecret({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  return (
    <OneTimeSecret
      title={`Signing secret for ${url}`}
      secret={secret}
      testId="webhook-secret"
      onDismiss={onDismiss}
      example={
        <p className="mt-3 text-xs text-warning">
          Receivers check <code className="font-mono">X-Attest-Signature</code> = <code className="font-mono">v1=</code>HMAC-SHA256(secret, timestamp + &quot;.&quot; + raw body); the README has a Node snippet.
        </p>
      }
    >
      Give it to the receiver now: Attest keeps it encrypted and will not show it again. Rotate it if it leaks.
    </OneTimeSecret>
  );
}
