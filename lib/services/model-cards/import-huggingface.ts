import { fromHuggingFaceCard, HuggingFaceCardError } from "@/lib/domain/interchange/huggingface";
import { Unprocessable } from "../errors";
import { saveModelCard } from "./save-card";
import { authorize, type ServiceContext } from "../context";

/**
 * Imports a Hugging Face README.md as a new card revision, exactly like a save (same conflict
 * check, same audit event with source "huggingface"). Headings and metadata Attest has no field
 * for are kept in additionalInformation.notes, never dropped.
 */
export async function importHuggingFaceCard(ctx: ServiceContext, input: { slug: string; version: string; baseRevision: number | null; markdown: string; summary?: string }) {
  // Before reading the upload: someone who may not save learns nothing from its errors (saveModelCard checks again).
  authorize(ctx, "models.write");
  let imported;
  try {
    imported = fromHuggingFaceCard(input.markdown);
  } catch (error) {
    if (error instanceof HuggingFaceCardError) throw new Unprocessable(`The model card could not be read: ${error.message}`, { line: error.line });
    throw error;
  }
  const result = await saveModelCard(ctx, {
    slug: input.slug,
    version: input.version,
    baseRevision: input.baseRevision,
    content: imported.card,
    summary: input.summary || "Imported from a Hugging Face model card",
    source: "huggingface",
  });
  return { ...result, unmapped: imported.unmapped };
}
