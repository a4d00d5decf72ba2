import type { TFieldType, TModelCardValue } from "@/lib/domain/model-card/template";

/**
 * A card value shown as text, never as markup: whatever a field holds ("<script>", an
 * <img onerror>) appears literally. Links are made only of web addresses.
 */
export function CardValue({ value, type, empty = "Not filled in" }: { value: TModelCardValue | null; type?: TFieldType; empty?: string }) {
  if (value === null) return <p className="text-sm italic text-ink-muted">{empty}</p>;
  if (Array.isArray(value)) {
    return (
      <ul className="list-disc space-y-0.5 pl-5 text-sm">
        {value.map((item, index) => <li key={index} className="break-words">{item}</li>)}
      </ul>
    );
  }
  if (type === "url" && /^https?:\/\//i.test(value)) {
    return <a href={value} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-sm text-brand underline underline-offset-2">{value}</a>;
  }
  return <p className="whitespace-pre-wrap break-words text-sm">{value}</p>;
}
