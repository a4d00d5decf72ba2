import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { models, obligationEvidence, obligations } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { evidenceFileProblem } from "@/lib/domain/evidence-file";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { InvalidInput, NotFound, ServiceError } from "../errors";
import { emitAudit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";
import { invalidateStandingApprovals, linkInvalidations } from "../reviews/invalidate";

const ZAddEvidenceSchema = z
  .object({
    obligationId: z.uuid("Unknown obligation."),
    note: z.string().trim().max(5000, "A note has at most 5,000 characters.").default(""),
    url: z.url({ protocol: /^https?$/, message: "A link is a web address starting with https:// or http://." }).max(2000).nullish(),
    file: z.object({ name: z.string().trim().min(1).max(255), contentType: z.string().max(200), bytes: z.instanceof(Uint8Array) }).nullish(),
  })
  .refine((v) => v.note || v.url || v.file, { message: "Add a note, a link or a file." });

/** Adds a note, a link or a file to an obligation's evidence. Evidence is never edited or removed. */
export async function addObligationEvidence(ctx: ServiceContext, input: z.input<typeof ZAddEvidenceSchema>) {
  authorize(ctx, "obligations.write");
  const data = parseInput(ZAddEvidenceSchema, input);
  if (data.file) {
    const problem = evidenceFileProblem(data.file.contentType, data.file.bytes);
    if (problem) throw problem.includes("larger than") ? new ServiceError("payload_too_large", 413, problem) : new InvalidInput(problem, { fields: { file: problem } });
  }
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select({ obligation: obligations, model: models }).from(obligations).innerJoin(models, eq(models.id, obligations.modelId)).where(eq(obligations.id, data.obligationId));
    if (!row) throw new NotFound("The obligation");
    if (ctx.actor.kind === "user" && !ctx.actor.roles.includes("compliance_officer")) await assertCanEditModel(tx, ctx, row.model);
    const file = data.file;
    const sha256 = file ? createHash("sha256").update(file.bytes).digest("hex") : null;
    const [evidence] = await tx
      .insert(obligationEvidence)
      .values({
        obligationId: row.obligation.id,
        kind: file ? "file" : data.url ? "link" : "note",
        note: data.note,
        url: data.url ?? null,
        fileName: file?.name ?? null,
        contentType: file?.contentType.split(";")[0]!.trim().toLowerCase() ?? null,
        sizeBytes: file?.bytes.length ?? null,
        sha256,
        content: file ? Buffer.from(file.bytes) : null,
        addedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        addedByEmail: actorEmail(ctx.actor),
      })
      .returning({ id: obligationEvidence.id, kind: obligationEvidence.kind, sha256: obligationEvidence.sha256, fileName: obligationEvidence.fileName, sizeBytes: obligationEvidence.sizeBytes });
    const invalidatedApprovals = await invalidateStandingApprovals(tx, { modelId: row.model.id });
    const event = await emitAudit(tx, ctx, {
      action: "obligation.evidence_added",
      entityType: "obligation",
      entityId: row.obligation.id,
      data: { slug: row.model.slug, article: row.obligation.article, evidenceId: evidence!.id, kind: evidence!.kind as "file" | "link" | "note", fileName: evidence!.fileName, sha256, url: data.url ?? null, ...(invalidatedApprovals.length ? { invalidatedApprovals } : {}) },
    });
    await linkInvalidations(tx, invalidatedApprovals, event.seq);
    return evidence!;
  });
}
