import type { TModelCard } from "@/lib/domain/model-card/template";
import type { TDeclarationData, TStandardEntry } from "./technical-documentation-data";

/*
 * Annex IV points 7 and 8 from the model card's "conformity" section: the standards applied,
 * read from one-line items "reference — title (in part)", and the Annex V declaration's details.
 * Whatever the card does not say stays null or empty, for the template to print "Not provided".
 */

// The reference ends at the first dash with a space on each side: "EN ISO/IEC 23894:2024 — Title".
const SEPARATOR = /\s+[—–-]\s+/;
const IN_PART = /\s*\((?:applied\s+)?in part\)\s*$/i;

export function standardEntry(item: string, harmonised: boolean): TStandardEntry {
  const partial = IN_PART.test(item);
  const text = item.replace(IN_PART, "").trim();
  const match = SEPARATOR.exec(text);
  const [reference, title] = match ? [text.slice(0, match.index), text.slice(match.index + match[0].length)] : [text, ""];
  return { reference: reference.trim(), title: title.trim(), harmonised, extent: partial ? "partial" : "full" };
}

const filled = (value: string | undefined): string | null => (value && value.trim() !== "" ? value : null);
const items = (value: string[] | undefined): string[] => (value ?? []).filter((item) => item.trim() !== "");

export function conformityRecords(card: TModelCard | null, provider: string | null): { standards: TStandardEntry[]; declaration: TDeclarationData } {
  const c = card?.conformity ?? {};
  const statement = filled(c.dataProtectionStatement);
  const notifiedBody = { name: filled(c.notifiedBodyName), number: filled(c.notifiedBodyNumber), certificate: filled(c.certificate) };
  const signatory = filled(c.signatoryName);
  const signatoryFunction = filled(c.signatoryFunction);
  return {
    standards: [...items(c.harmonisedStandards).map((s) => standardEntry(s, true)), ...items(c.otherSpecifications).map((s) => standardEntry(s, false))],
    declaration: {
      providerAddress: filled(c.providerAddress),
      authorisedRepresentative: filled(c.authorisedRepresentative),
      // A statement is recorded only where personal data are processed; without one, Attest does not know.
      processesPersonalData: statement ? true : null,
      dataProtectionStatement: statement,
      assessmentProcedure: filled(c.assessmentProcedure),
      notifiedBody: notifiedBody.name || notifiedBody.number || notifiedBody.certificate ? notifiedBody : null,
      place: filled(c.declarationPlace),
      date: filled(c.declarationDate),
      signatory: signatory || signatoryFunction ? { name: signatory, function: signatoryFunction, onBehalfOf: provider ?? "the provider" } : null,
    },
  };
}
