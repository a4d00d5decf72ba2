import { z } from "zod";

/**
 * Unsaved edits kept in the browser, so a reload or a crash loses nothing. The draft remembers
 * the revision (and its content) it was based on: if someone saves in between, the editor can
 * merge three ways instead of overwriting either side.
 */
const ZStoredDraftSchema = z.object({
  baseRevision: z.number().int().min(0),
  baseContent: z.unknown(),
  fields: z.record(z.string(), z.record(z.string(), z.string())),
  savedAt: z.string(),
});
export type TStoredDraft = z.infer<typeof ZStoredDraftSchema>;

const key = (slug: string, version: string) => `attest:card-draft:${slug}:${version}`;

export function readDraft(slug: string, version: string): TStoredDraft | null {
  try {
    const raw = localStorage.getItem(key(slug, version));
    const parsed = raw === null ? null : ZStoredDraftSchema.safeParse(JSON.parse(raw));
    return parsed?.success ? parsed.data : null;
  } catch {
    return null; // storage disabled or the entry is not ours: there is no draft to restore
  }
}

/** False when the browser refused (storage full or disabled): the editor then warns that only saving keeps the work. */
export function writeDraft(slug: string, version: string, draft: TStoredDraft): boolean {
  try {
    localStorage.setItem(key(slug, version), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(slug: string, version: string): void {
  try {
    localStorage.removeItem(key(slug, version));
  } catch {
    // Nothing stored, nothing to clear.
  }
}
