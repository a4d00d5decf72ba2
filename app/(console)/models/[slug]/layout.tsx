import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { currentModel } from "@/components/models/current-model";
import { ModelTabs } from "@/components/models/model-tabs";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { TagList } from "@/components/models/tag-list";
import { requireActor } from "@/lib/auth/session";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await currentModel((await params).slug);
  if (!model) return { title: "Model not found" };
  // The tabs' titles read "History · Retail credit scoring · Attest".
  return { title: { default: model.name, template: `%s · ${model.name} · Attest` } };
}

/** Every page about one model: who is accountable for it, its tier, and the tabs. */
export default async function ModelLayout({ params, children }: Props & { children: ReactNode }) {
  await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  return (
    <>
      <Link href="/models" className="mb-3 inline-block text-sm font-medium text-brand hover:underline">← All models</Link>
      <header className="mb-5">
        <p className="font-mono text-xs text-ink-muted">{model.slug}</p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words text-2xl font-semibold text-ink">{model.name}</h1>
          <RiskTierBadge tier={model.riskTier} />
        </div>
        {model.purpose && <p className="mt-2 line-clamp-3 max-w-3xl break-words text-sm text-ink-muted" title={model.purpose}>{model.purpose}</p>}
        <dl className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          <div className="flex items-baseline gap-1.5">
            <dt className="text-ink-muted">Owner</dt>
            <dd className="font-medium" title={model.ownerEmail}>{model.ownerName}</dd>
          </div>
          <div className="flex items-baseline gap-1.5">
            <dt className="text-ink-muted">Business unit</dt>
            <dd className="font-medium">{model.businessUnit || "—"}</dd>
          </div>
          {model.tags.length > 0 && (
            <div className="flex items-center gap-1.5">
              <dt className="sr-only">Tags</dt>
              <dd><TagList tags={model.tags} /></dd>
            </div>
          )}
        </dl>
      </header>
      <ModelTabs slug={model.slug} />
      <div className="mt-6">{children}</div>
    </>
  );
}
