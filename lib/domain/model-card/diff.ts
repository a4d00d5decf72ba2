import { emptyModelCard } from "./schema";
import { MODEL_CARD_TEMPLATE, type TCardField, type TCardSection, type TModelCard, type TModelCardValue } from "./template";
import { filledValue, sameValue } from "./values";

export interface TFieldChange {
  section: string;
  field: string;
  label: string;
  before: TModelCardValue | null;
  after: TModelCardValue | null;
  kind: "added" | "removed" | "changed";
}

export interface TFieldConflict {
  section: string;
  field: string;
  label: string;
  base: TModelCardValue | null;
  mine: TModelCardValue | null;
  theirs: TModelCardValue | null;
}

function eachField(visit: (section: TCardSection, field: TCardField) => void): void {
  for (const section of MODEL_CARD_TEMPLATE as readonly TCardSection[]) for (const field of section.fields) visit(section, field);
}

/** Field-level differences between two cards, in template order. Empty and absent are the same. */
export function diffCards(before: unknown, after: unknown): TFieldChange[] {
  const changes: TFieldChange[] = [];
  eachField((section, field) => {
    const was = filledValue(before, section.key, field.key);
    const is = filledValue(after, section.key, field.key);
    if (sameValue(was, is)) return;
    const kind = was === null ? "added" : is === null ? "removed" : "changed";
    changes.push({ section: section.key, field: field.key, label: field.label, before: was, after: is, kind });
  });
  return changes;
}

/** "section.field" paths of what a save changed; the audit event of the save carries them. */
export function changedFields(before: unknown, after: unknown): string[] {
  return diffCards(before, after).map((c) => `${c.section}.${c.field}`);
}

/**
 * Three-way merge for a stale save: base is the revision the user started from, mine what the
 * user typed, theirs the revision saved in between. A field changed on one side only takes
 * that side; a field changed the same way on both is no conflict. A field changed differently
 * on both sides is a conflict, and merged keeps mine there, so the user's typing is never lost
 * while they decide.
 */
export function mergeConflicts(base: unknown, mine: unknown, theirs: unknown): { merged: TModelCard; conflicts: TFieldConflict[] } {
  const merged: Record<string, Record<string, TModelCardValue>> = emptyModelCard();
  const conflicts: TFieldConflict[] = [];
  eachField((section, field) => {
    const was = filledValue(base, section.key, field.key);
    const ours = filledValue(mine, section.key, field.key);
    const other = filledValue(theirs, section.key, field.key);
    const theyChanged = !sameValue(was, other);
    const weChanged = !sameValue(was, ours);
    if (theyChanged && weChanged && !sameValue(ours, other)) {
      conflicts.push({ section: section.key, field: field.key, label: field.label, base: was, mine: ours, theirs: other });
    }
    const value = theyChanged && !weChanged ? other : ours;
    if (value !== null) merged[section.key][field.key] = value;
  });
  return { merged: merged as TModelCard, conflicts };
}
