import type { ReactNode } from "react";
import { completeness } from "@/lib/domain/model-card/completeness";
import { filledValue } from "@/lib/domain/model-card/values";
import type { TRiskTier } from "@/lib/domain/model-card/template";
import { CardFieldValue } from "./card-fields";
import { CardView } from "./card-view";

/** The card for readers: the editor's layout with values as text and no controls that change anything. */
export function CardReader({ content, tier, links }: { content: unknown; tier: TRiskTier | null; links: ReactNode }) {
  return (
    <CardView
      tier={tier}
      result={completeness(content, tier)}
      meta={<div className="mb-3 flex flex-wrap justify-end gap-2">{links}</div>}
      renderField={(section, field, required) => (
        <CardFieldValue section={section.key} field={field} value={filledValue(content, section.key, field.key)} required={required} />
      )}
    />
  );
}
