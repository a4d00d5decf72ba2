import { z } from "zod";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { NotFound } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { evidenceFile } from "./queries";
import { eq } from "drizzle-orm";
import { models, obligations } from "@/db/schema";

const ZDownloadSchema = z.object({ evidenceId: z.uuid("Unknown evidence.") });

/** Hands out an evidence file; the download is a sensitive read, so it is audited. */
export async function downloadEvidence(ctx: ServiceContext, input: z.input<typeof ZDownloadSchema>) {
  authorize(ctx, "models.read");
  const { evidenceId } = parseInput(ZDownloadSchema, input);
  return withTransaction(ctx, async (tx) => {
    const row = await evidenceFile(tx, evidenceId);
    if (!row || row.evidence.kind !== "file" || !row.evidence.content) throw new NotFound("The evidence file");
    const [context] = await tx.select({ slug: models.slug, article: obligations.article }).from(obligations).innerJoin(models, eq(models.id, obligations.modelId)).where(eq(obligations.id, row.evidence.obligationId));
    await auditOnCommit(tx, ctx, {
      action: "evidence.downloaded",
      entityType: "obligation",
      entityId: row.evidence.obligationId,
      data: { slug: context!.slug, article: context!.article, evidenceId, fileName: row.evidence.fileName, sha256: row.evidence.sha256 },
    });
    return row.evidence;
  });
}
