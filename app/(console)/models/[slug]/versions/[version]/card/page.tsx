import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/instance";
import { CardEditor } from "@/components/model-card/card-editor";
import { CardReader } from "@/components/model-card/card-reader";
import { loadVersion, type VersionParams } from "@/components/models/version-params";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { emptyModelCard } from "@/lib/domain/model-card/schema";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { isOwnerOrMaintainer } from "@/lib/services/models/queries";
import { cardField, commentThreads } from "@/lib/services/reviews/comments";

export async function generateMetadata({ params }: VersionParams): Promise<Metadata> {
  return { title: `Model card ${decodeURIComponent((await params).version)}` };
}

export default async function ModelCardPage({ params }: VersionParams) {
  const actor = await requireActor("models.read");
  const { model, version, card, path, cardApi } = await loadVersion(params);
  const db = await getDb();
  const owns = allows(actor.roles, "models.write") && (await isOwnerOrMaintainer(db, model, actor.userId));
  const openComments = (await commentThreads(db, version.id)).filter((t) => t.resolvedAt === null);
  const retired = version.stage === "retired";
  const tier = model.riskTier as TRiskTier | null;
  const links = (
    <>
      <Link href={path} className={buttonClass("ghost", "sm")}>Version details</Link>
      <Link href={`${path}/revisions`} className={buttonClass("secondary", "sm")}>Revisions</Link>
    </>
  );

  return (
    <>
      <div className="mb-4">
        <h2 className="text-xl font-semibold">Model card <span className="font-normal text-ink-muted">· version <span className="font-mono">{version.version}</span></span></h2>
        <p className="mt-0.5 text-sm text-ink-muted">
          What this version is, what it is for, and the evidence the EU AI Act asks for. Required fields follow the model&apos;s risk tier.
        </p>
      </div>
      {openComments.length > 0 && (
        <Alert tone="warning" className="mb-4">
          {openComments.length === 1 ? "1 review comment on this card is open" : `${openComments.length} review comments on this card are open`}
          {" "}({[...new Set(openComments.map((t) => cardField(t.fieldPath)?.label ?? t.fieldPath))].join(", ")}).{" "}
          <Link href={`${path}#review-comments`} className="font-medium underline">{owns ? "Answer and resolve them on the version page" : "Read them on the version page"}</Link>
        </Alert>
      )}
      {owns && !retired ? (
        <CardEditor
          cardUrl={cardApi}
          slug={model.slug}
          version={version.version}
          tier={tier}
          userEmail={actor.email}
          links={links}
          initial={{ revision: card?.revision ?? 0, content: card?.content ?? emptyModelCard(), author: card?.authorEmail ?? null, savedAt: card?.createdAt.toISOString() ?? null }}
        />
      ) : (
        <>
          <Alert tone="info" className="mb-4">
            {retired ? "Read-only: this version is retired, and its card is kept as it was." : "Read-only: only the model's owner and maintainers edit its card."}{" "}
            {card ? `Revision ${card.revision}, saved by ${card.authorEmail} on ${formatDateTime(card.createdAt)}.` : "No revision has been saved yet."}
          </Alert>
          <CardReader content={card?.content ?? emptyModelCard()} tier={tier} links={links} />
        </>
      )}
    </>
  );
}
