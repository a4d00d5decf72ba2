import { eq } from "drizzle-orm";
import { z } from "zod";
import { modelVersions } from "@/db/schema";
import { retentionUntil } from "@/lib/domain/approvals/lifecycle";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";
import { loadModelVersion } from "../models/load";
import { transitionOrThrow } from "./refusals";

const ZRetireSchema = z.object({
  slug: z.string(),
  version: z.string(),
  reason: z.string().trim().min(1, "Say why the version is retired: a reason is required.").max(5000, "A reason has at most 5,000 characters."),
});

/**
 * Takes an approved or deployed version out of service, for a stated reason. It becomes
 * read-only and is kept for ten years from today (EU AI Act Art. 18).
 */
export async function retireVersion(ctx: ServiceContext, input: z.input<typeof ZRetireSchema>) {
  authorize(ctx, "deployments.write");
  const data = parseInput(ZRetireSchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version, { lock: true });
    await assertCanEditModel(tx, ctx, model);
    const stage = transitionOrThrow(version.stage, { type: "retire", reason: data.reason });
    const leftServiceAt = new Date();
    const until = retentionUntil(leftServiceAt);
    const [updated] = await tx
      .update(modelVersions)
      .set({ stage, leftServiceAt, retentionUntil: until, retiredReason: data.reason })
      .where(eq(modelVersions.id, version.id))
      .returning();
    await auditOnCommit(tx, ctx, {
      action: "version.retired",
      entityType: "model_version",
      entityId: version.id,
      data: { slug: model.slug, version: version.version, reason: data.reason, stageBefore: version.stage, leftServiceAt: leftServiceAt.toISOString(), retentionUntil: until.toISOString() },
    });
    return updated!;
  });
}
