import type { TModelCardValue } from "./template";

/**
 * The value of one field as the domain sees it, or null when the field is empty. Works on any
 * input, not only validated cards: completeness runs on the editor's unsaved draft too.
 * Whitespace-only text and lists without a non-blank item count as empty.
 */
export function filledValue(card: unknown, section: string, field: string): TModelCardValue | null {
  const content = isRecord(card) ? card[section] : undefined;
  const value = isRecord(content) ? content[field] : undefined;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (Array.isArray(value)) {
    const items = value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
    return items.length > 0 ? items : null;
  }
  return null;
}

export function sameValue(a: TModelCardValue | null, b: TModelCardValue | null): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
