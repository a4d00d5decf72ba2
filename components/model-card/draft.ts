import { MODEL_CARD_TEMPLATE, type TCardSection, type TFieldType, type TModelCardValue } from "@/lib/domain/model-card/template";
import { filledValue } from "@/lib/domain/model-card/values";

/** The editor's working copy: every field as the text in its control; a list is one item per line. */
export type TCardDraft = Record<string, Record<string, string>>;

/** A card as PUT …/card accepts it: sections of fields, empty fields left out. */
export type TCardContent = Record<string, Record<string, TModelCardValue>>;

export const CARD_SECTIONS = MODEL_CARD_TEMPLATE as readonly TCardSection[];

export function valueText(value: TModelCardValue | null): string {
  return value === null ? "" : Array.isArray(value) ? value.join("\n") : value;
}

export function toDraft(card: unknown): TCardDraft {
  return Object.fromEntries(CARD_SECTIONS.map((s) => [s.key, Object.fromEntries(s.fields.map((f) => [f.key, valueText(filledValue(card, s.key, f.key))]))]));
}

/**
 * The card a draft stands for. Text is trimmed and blank list lines dropped, as the server
 * normalises them, so a stray space or newline is not an unsaved change.
 */
export function fromDraft(draft: TCardDraft): TCardContent {
  return Object.fromEntries(
    CARD_SECTIONS.map((section) => {
      const fields: Record<string, TModelCardValue> = {};
      for (const field of section.fields) {
        const text = draft[section.key]?.[field.key] ?? "";
        if (field.type === "list") {
          const items = text.split("\n").map((item) => item.trim()).filter(Boolean);
          if (items.length > 0) fields[field.key] = items;
        } else if (text.trim() !== "") {
          fields[field.key] = text.trim();
        }
      }
      return [section.key, fields];
    }),
  );
}

export function withField(draft: TCardDraft, section: string, field: string, text: string): TCardDraft {
  return { ...draft, [section]: { ...draft[section], [field]: text } };
}

/** A stored draft laid over the template: fields the template no longer has are dropped, new ones start empty. */
export function completeDraft(fields: TCardDraft): TCardDraft {
  return Object.fromEntries(CARD_SECTIONS.map((s) => [s.key, Object.fromEntries(s.fields.map((f) => [f.key, fields[s.key]?.[f.key] ?? ""]))]));
}

/** Does the text in a control say the same as a stored value, once saving has trimmed it? */
export function textMeans(type: TFieldType, text: string, value: TModelCardValue | null): boolean {
  const normalised = type === "list" ? text.split("\n").map((line) => line.trim()).filter(Boolean).join("\n") : text.trim();
  return normalised === valueText(value);
}
