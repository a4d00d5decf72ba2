// Relative, not "@/…": the Playwright specs import this too.
import { MODEL_CARD_TEMPLATE, type TCardField, type TRiskTier } from "../../lib/domain/model-card/template";

const VALUES: Record<TCardField["type"], (tag: string) => string | string[]> = {
  text: (tag) => `Filled in ${tag}`,
  longtext: (tag) => `A complete answer, written for the test (${tag}).`,
  list: (tag) => [`item ${tag}`],
  url: () => "https://docs.example.test/model",
  email: () => "owner@attest.demo",
  date: () => "2026-01-15",
};

// What the risk classification rests on: a change flags it for review, so every card fills them
// the same way and `tag` leaves them alone.
const CLASSIFICATION_INPUTS = new Set(["intendedUse.primaryUses", "intendedUse.deploymentContext"]);

/** A card with every field the tier requires filled in; `tag` varies the text, so two cards differ. */
export function completeCard(tier: TRiskTier, tag = "v1"): Record<string, Record<string, string | string[]>> {
  return Object.fromEntries(
    MODEL_CARD_TEMPLATE.map((section) => [
      section.key,
      Object.fromEntries((section.fields as readonly TCardField[]).filter((f) => f.requiredFor.includes(tier) || CLASSIFICATION_INPUTS.has(`${section.key}.${f.key}`)).map((f) => [f.key, VALUES[f.type](CLASSIFICATION_INPUTS.has(`${section.key}.${f.key}`) ? "v1" : tag)])),
    ]),
  );
}
