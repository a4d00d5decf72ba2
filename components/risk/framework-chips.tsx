import { frameworkRefs } from "@/lib/domain/risk/frameworks";

/** The obligation's NIST AI RMF and ISO/IEC 42001 counterparts, as small chips; the title is read out and shown on hover. */
export function FrameworkChips({ article }: { article: string }) {
  const refs = frameworkRefs(article);
  if (!refs) return <p className="text-xs text-ink-muted">No framework counterpart is mapped for {article}.</p>;
  return (
    <dl className="space-y-2">
      <Row label="NIST AI RMF" refs={refs.nist} />
      <Row label="ISO/IEC 42001" refs={refs.iso} />
    </dl>
  );
}

function Row({ label, refs }: { label: string; refs: readonly { ref: string; title: string }[] }) {
  return (
    <div>
      <dt className="text-xs font-medium text-ink-muted">{label}</dt>
      <dd className="mt-1">
        <ul className="flex flex-wrap gap-1">
          {refs.map(({ ref, title }) => (
            <li key={ref} title={title} className="rounded border border-line bg-slate-50 px-1.5 py-0.5 font-mono text-[11px] text-ink">
              {ref}
              <span className="sr-only">: {title}</span>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
