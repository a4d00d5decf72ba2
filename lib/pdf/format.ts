import type { TInterval } from "@/lib/domain/fairness/wilson";
import type { TRiskTier } from "@/lib/domain/model-card/template";

/*
 * How values are written in the PDFs. Independent of the machine's locale and time zone, so
 * the same data always renders the same bytes: instants in UTC, numbers with "," grouping.
 */

/** "2026-03-02 09:30 UTC"; the input unchanged when it is not a date. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

/** "2026-03-02" from an instant or a date. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "−" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** A rate or other metric to three decimals; an undefined metric is "n/d" (not defined). */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/d";
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

export function formatInterval(interval: TInterval | null | undefined): string {
  return interval ? `${formatMetric(interval[0])}–${formatMetric(interval[1])}` : "n/d";
}

/**
 * The first 12 hex digits and an ellipsis: enough to find the record in the evidence manifest,
 * and short enough for a table cell (a word too wide for its cell would be hyphenated).
 */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

export const TIER_LABELS: Record<TRiskTier, string> = {
  prohibited: "Prohibited practice (Art. 5)",
  high: "High-risk",
  limited: "Limited risk (transparency obligations)",
  minimal: "Minimal risk",
};

export function tierLabel(tier: TRiskTier | null | undefined): string {
  return tier ? TIER_LABELS[tier] : "Not classified";
}

export function humanise(code: string): string {
  const text = code.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
