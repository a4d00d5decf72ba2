import { fieldAnchor, isRequired, MODEL_CARD_TEMPLATE, type TCardSection, type TRiskTier } from "./template";
import { filledValue } from "./values";

export type TCompletenessBand = "complete" | "nearly" | "partial" | "empty";

export interface TMissingField {
  field: string;
  label: string;
  /** The editor's DOM id for the field, so "what is missing" can link straight to it. */
  anchor: string;
}

export interface TSectionCompleteness {
  key: string;
  title: string;
  filled: number;
  required: number;
  percent: number;
  missing: TMissingField[];
}

export interface TCompleteness {
  overall: { filled: number; required: number; percent: number };
  sections: TSectionCompleteness[];
  band: TCompletenessBand;
}

/**
 * How much of what the risk tier requires is filled, per section and overall. Only required
 * fields count: an optional field filled in does not make up for a required one left empty.
 * A null tier (not yet classified) is held to the high-risk requirements.
 * The card may be an unsaved draft; anything that is not text or a list counts as empty.
 */
export function completeness(card: unknown, tier: TRiskTier | null): TCompleteness {
  const sections = (MODEL_CARD_TEMPLATE as readonly TCardSection[]).map((section) => {
    const required = section.fields.filter((f) => isRequired(f, tier));
    const missing = required
      .filter((f) => filledValue(card, section.key, f.key) === null)
      .map((f) => ({ field: f.key, label: f.label, anchor: fieldAnchor(section.key, f.key) }));
    const filled = required.length - missing.length;
    return { key: section.key, title: section.title, filled, required: required.length, percent: percent(filled, required.length), missing };
  });
  const filled = sections.reduce((sum, s) => sum + s.filled, 0);
  const required = sections.reduce((sum, s) => sum + s.required, 0);
  return { overall: { filled, required, percent: percent(filled, required) }, sections, band: completenessBand(filled, required) };
}

/**
 * Rounded down, so that 100% is shown only when nothing is missing (199 of 200 reads 99%,
 * not 100%). Nothing required counts as 100%.
 */
function percent(filled: number, required: number): number {
  return required === 0 ? 100 : Math.floor((filled * 100) / required);
}

/**
 * The bands the inventory filters on. Decided on the exact fraction, not the rounded percent:
 *   complete  every required field filled (100%)
 *   nearly    at least 75% — a review can usually start and the gaps are named
 *   partial   at least 25%
 *   empty     below 25% — too little to review, even if not literally blank
 */
export function completenessBand(filled: number, required: number): TCompletenessBand {
  if (filled >= required) return "complete";
  if (filled * 4 >= required * 3) return "nearly";
  if (filled * 4 >= required) return "partial";
  return "empty";
}
