/** The dossier hash in mono, with what it means for someone who has not met it. */
export function DossierHash({ hash, id = "dossier-hash" }: { hash: string; id?: string }) {
  return (
    <div className="min-w-0">
      <p id={`${id}-label`} className="text-sm text-ink-muted">Dossier hash</p>
      <code aria-labelledby={`${id}-label`} className="mt-0.5 block break-all font-mono text-xs leading-5 text-ink">{hash}</code>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer text-xs font-medium text-brand hover:underline">What is this?</summary>
        <p className="mt-1 max-w-prose text-xs text-ink-muted">
          A SHA-256 fingerprint of exactly what is approved: the model card revision, the confirmed risk classification, the evaluations with their
          waivers, and the state of the obligations. Every approval records the hash it was given on. If anything in the dossier changes, the hash
          changes and standing approvals stop counting, so a deployment pipeline can be sure the approved dossier is the one it ships.
        </p>
      </details>
    </div>
  );
}
