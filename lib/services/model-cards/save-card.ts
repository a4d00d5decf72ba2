import { createHash } from "node:crypto";
import { modelCardRevisions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorEmail } from "@/lib/auth/actor";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { changedFields } from "@/lib/domain/model-card/diff";
import { ZModelCardSchema } from "@/lib/domain/model-card/schema";
import type { TModelCard } from "@/lib/domain/model-card/template";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict, Unprocessable } from "../errors";
import { emitAudit } from "../audit/emit";
import { fieldErrors, unstorableText } from "../parse";
import { assertCanEditModel } from "../models/access";
import { loadModelVersion } from "../models/load";
import { latestCardRevision } from "./queries";
import { refreshModelCompleteness } from "./refresh-completeness";
import { flagClassificationForReview } from "../risk/flag-for-review";
import type { Db } from "@/db/client";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

export type CardSource = "editor" | "api" | "huggingface" | "copy";

export type SaveCardInput = {
  slug: string;
  version: string;
  /** The revision the edit started from; null for the first save of an empty card. */
  baseRevision: number | null;
  content: unknown;
  summary?: string;
  source: CardSource;
};

export function cardContentHash(content: TModelCard): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** Validates a card: 422 with a message per field ("intendedUse.primaryUses": "…") when invalid. */
export function parseCard(content: unknown): TModelCard {
  const parsed = ZModelCardSchema.safeParse(content);
  if (!parsed.success) throw new Unprocessable("The model card has invalid fields.", { fields: fieldErrors(parsed.error) });
  const unstorable = unstorableText(parsed.data);
  if (Object.keys(unstorable).length > 0) throw new Unprocessable("The model card has invalid fields.", { fields: unstorable });
  return parsed.data as TModelCard;
}

/** Writes a revision inside a transaction that already holds the version row. */
export async function insertRevision(tx: Db, actor: Actor, versionId: string, revision: number, card: TModelCard, before: unknown, summary: string) {
  const changed = changedFields(before ?? {}, card);
  const [row] = await tx
    .insert(modelCardRevisions)
    .values({
      versionId,
      revision,
      content: card,
      contentHash: cardContentHash(card),
      authorId: actor.kind === "user" ? actor.userId : null,
      authorEmail: actorEmail(actor),
      summary,
      changedFields: changed,
    })
    .returning();
  return row!;
}

function staleMessage(latest: number | null, base: number | null): string {
  if (latest !== null && (base === null || base < latest)) {
    return `Someone saved revision ${latest} of this card after you started editing ${base === null ? "the empty card" : `revision ${base}`}.`;
  }
  // Based on a revision that does not exist (yet): a client error, not someone else's save.
  return `This card has no revision ${base}: its latest is ${latest === null ? "none, it is still empty" : `revision ${latest}`}. Reload it and edit again.`;
}

/**
 * Saves a card as a new immutable revision. A save carries the revision it was based on: when
 * someone else saved in between, it is refused with 409 and their revision, so nothing typed is
 * lost and nothing is overwritten. Saving identical content writes nothing.
 */
export async function saveModelCard(ctx: ServiceContext, input: SaveCardInput) {
  authorize(ctx, "models.write");
  const card = parseCard(input.content);
  // Cut by code points (a cut pair would be an unpaired surrogate, which jsonb refuses), without NULs.
  const summary = [...(input.summary ?? "").replaceAll("\u0000", "").toWellFormed().trim()].slice(0, 500).join("");
  return withTransaction(ctx, async (tx) => {
    // Locking the version serialises concurrent saves of the same card.
    const { model, version } = await loadModelVersion(tx, input.slug, input.version, { lock: true });
    await assertCanEditModel(tx, ctx, model);
    if (version.stage === "retired") throw new Conflict("A retired version is read-only.");
    const latest = await latestCardRevision(tx, version.id);
    if ((latest?.revision ?? null) !== input.baseRevision) {
      throw new Conflict(staleMessage(latest?.revision ?? null, input.baseRevision), {
        currentRevision: latest?.revision ?? null,
        current: latest?.content ?? null,
        author: latest?.authorEmail ?? null,
        savedAt: latest?.createdAt ?? null,
      });
    }
    if (latest && latest.contentHash === cardContentHash(card)) return { revision: latest, unchanged: true };
    const revision = await insertRevision(tx, ctx.actor, version.id, (latest?.revision ?? 0) + 1, card, latest?.content, summary);
    await refreshModelCompleteness(tx, model);
    const classificationNeedsReview = await flagClassificationForReview(tx, model.id, revision.changedFields);
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { versionIds: [version.id] });
    const event = await emitAudit(tx, ctx, {
      action: "model_card.saved",
      entityType: "model_version",
      entityId: version.id,
      data: { slug: model.slug, version: version.version, revision: revision.revision, contentHash: revision.contentHash, changedFields: revision.changedFields, summary, source: input.source, classificationNeedsReview, ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return { revision, unchanged: false };
  });
}
