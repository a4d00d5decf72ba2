/**
 * The application dates of the AI Act, both as published (Art. 113 and the Art. 111 transition
 * rules of Regulation (EU) 2024/1689) and as changed by the 2026 Digital Omnibus on AI
 * (COM(2025) 836, procedure 2025/0359(COD)), each with its legal status.
 *
 * The ruleset uses the omnibus date wherever the omnibus changed one (rulesetDate): the ruleset
 * is named after it, the Council adopted it on 29 June 2026, and the Act's own high-risk dates
 * would otherwise show obligations as applying that the legislator has already postponed. Every
 * obligation still carries the date under the Act as published and the legal status, so the UI
 * can show both. When the omnibus is published in the Official Journal, its status changes here
 * and the ruleset version is bumped.
 */

/** An ISO calendar date, YYYY-MM-DD. Compared as text, which orders correctly. */
export type TIsoDate = string;

export const LEGAL_STATUSES = ["in force", "adopted, awaiting Official Journal publication"] as const;
export type TLegalStatus = (typeof LEGAL_STATUSES)[number];

export const IN_FORCE: TLegalStatus = "in force";
export const ADOPTED_AWAITING_OJ: TLegalStatus = "adopted, awaiting Official Journal publication";

/** The omnibus procedure, as far as the sources of this ruleset know it. */
export const DIGITAL_OMNIBUS = {
  title: "Digital Omnibus on AI",
  proposal: "COM(2025) 836",
  procedure: "2025/0359(COD)",
  proposedOn: "2025-11-19",
  provisionalAgreementOn: "2026-05-07",
  parliamentApprovalOn: "2026-06-16",
  councilAdoptionOn: "2026-06-29",
  /** Unknown when this ruleset was written ("expected July 2026"); it enters into force on the third day after. */
  officialJournalPublicationOn: null as TIsoDate | null,
  status: ADOPTED_AWAITING_OJ,
} as const;

export const KEY_DATE_KEYS = [
  "entry-into-force",
  "prohibitions",
  "ai-literacy",
  "prohibition-intimate-content",
  "gpai",
  "governance-and-penalties",
  "general-application",
  "transparency",
  "transparency-marking-legacy",
  "high-risk-annex-iii",
  "high-risk-annex-i",
  "national-sandboxes",
  "legacy-gpai-models",
  "legacy-public-authority-high-risk",
  "legacy-annex-x-it-systems",
] as const;
export type TKeyDateKey = (typeof KEY_DATE_KEYS)[number];

export interface TKeyDate {
  readonly key: TKeyDateKey;
  /** What starts to apply. */
  readonly provision: string;
  /** Under Regulation (EU) 2024/1689 as published; date null when the Act has no such rule. */
  readonly act: { readonly date: TIsoDate | null; readonly citation: string };
  /**
   * What the omnibus changed; null when it left this rule alone. date null means it changed the
   * content but not the date.
   */
  readonly omnibus: { readonly date: TIsoDate | null; readonly status: TLegalStatus; readonly change: string } | null;
  readonly note?: string;
}

export const KEY_DATES: readonly TKeyDate[] = [
  {
    key: "entry-into-force",
    provision: "The Regulation enters into force (twentieth day after publication on 12 July 2024).",
    act: { date: "2024-08-01", citation: "Art. 113" },
    omnibus: null,
  },
  {
    key: "prohibitions",
    provision: "Chapters I and II: definitions and the Art. 5 prohibited practices.",
    act: { date: "2025-02-02", citation: "Art. 113(a)" },
    omnibus: null,
  },
  {
    key: "ai-literacy",
    provision: "Art. 4 AI literacy (Chapter I).",
    act: { date: "2025-02-02", citation: "Art. 113(a)" },
    omnibus: {
      date: null,
      status: ADOPTED_AWAITING_OJ,
      change: "Art. 4 is rewritten; sources conflict on whether it becomes an encouragement by the authorities or stays an effort obligation of providers and deployers.",
    },
  },
  {
    key: "prohibition-intimate-content",
    provision: "New Art. 5 prohibition on generating non-consensual sexual or intimate content and child sexual abuse material.",
    act: { date: null, citation: "not in Regulation (EU) 2024/1689 as published" },
    omnibus: {
      date: "2026-12-02",
      status: ADOPTED_AWAITING_OJ,
      change: "Added by the omnibus, applying from December 2026 (the Council release gives the month; secondary sources give 2 December 2026).",
    },
  },
  {
    key: "gpai",
    provision: "Chapter V: obligations of providers of general-purpose AI models (Arts. 51–55).",
    act: { date: "2025-08-02", citation: "Art. 113(b)" },
    omnibus: null,
  },
  {
    key: "governance-and-penalties",
    provision: "Chapter III Section 4 (notified bodies), Chapter VII (governance), Chapter XII (penalties, except Art. 101 GPAI fines) and Art. 78.",
    act: { date: "2025-08-02", citation: "Art. 113(b)" },
    omnibus: null,
  },
  {
    key: "general-application",
    provision: "The Regulation applies in general.",
    act: { date: "2026-08-02", citation: "Art. 113, second paragraph" },
    omnibus: null,
  },
  {
    key: "transparency",
    provision: "Art. 50 transparency obligations.",
    act: { date: "2026-08-02", citation: "Art. 113, second paragraph" },
    omnibus: null,
    note: "Stated as unchanged by the omnibus, except the Art. 50(2) marking duty for systems already on the market.",
  },
  {
    key: "transparency-marking-legacy",
    provision: "Art. 50(2) machine-readable marking for generative systems placed on the market before 2 August 2026.",
    act: { date: "2026-08-02", citation: "Art. 113, second paragraph" },
    omnibus: {
      date: "2026-12-02",
      status: ADOPTED_AWAITING_OJ,
      change: "Grace period for systems already on the market, ending 2 December 2026.",
    },
    note: "The Council release calls it a reduction \"from 6 months to 3 months\", yet 2 August to 2 December is four months; other sources say four months. The date is the consistent part.",
  },
  {
    key: "high-risk-annex-iii",
    provision: "High-risk obligations for stand-alone (Annex III, Art. 6(2)) systems: Chapter III, including Art. 6(4), Arts. 9–27, 43–49, 72–73 as they apply to these systems.",
    act: { date: "2026-08-02", citation: "Art. 113, second paragraph" },
    omnibus: {
      date: "2027-12-02",
      status: ADOPTED_AWAITING_OJ,
      change: "Postponed to 2 December 2027.",
    },
  },
  {
    key: "high-risk-annex-i",
    provision: "Art. 6(1) and the corresponding obligations for systems that are, or are safety components of, products under Annex I legislation.",
    act: { date: "2027-08-02", citation: "Art. 113(c)" },
    omnibus: {
      date: "2028-08-02",
      status: ADOPTED_AWAITING_OJ,
      change: "Postponed to 2 August 2028.",
    },
  },
  {
    key: "national-sandboxes",
    provision: "Each Member State has at least one AI regulatory sandbox operational.",
    act: { date: "2026-08-02", citation: "Art. 57(1)" },
    omnibus: {
      date: "2027-08-02",
      status: ADOPTED_AWAITING_OJ,
      change: "Deadline moved to 2 August 2027.",
    },
  },
  {
    key: "legacy-gpai-models",
    provision: "General-purpose AI models placed on the market before 2 August 2025 must comply.",
    act: { date: "2027-08-02", citation: "Art. 111(3)" },
    omnibus: null,
  },
  {
    key: "legacy-public-authority-high-risk",
    provision: "High-risk systems already on the market and intended for use by public authorities must comply (other legacy high-risk systems only after \"significant changes\").",
    act: { date: "2030-08-02", citation: "Art. 111(2)" },
    omnibus: null,
  },
  {
    key: "legacy-annex-x-it-systems",
    provision: "AI components of the large-scale IT systems listed in Annex X placed on the market before 2 August 2027 must comply.",
    act: { date: "2030-12-31", citation: "Art. 111(1)" },
    omnibus: null,
  },
];

export function keyDate(key: TKeyDateKey): TKeyDate {
  const found = KEY_DATES.find((d) => d.key === key);
  if (!found) throw new Error(`Unknown key date ${key}`);
  return found;
}

export interface TRulesetDate {
  /** The date the ruleset uses. */
  readonly date: TIsoDate;
  /** The legal status of that date. */
  readonly status: TLegalStatus;
  /** The date under the Act as published; null when the Act has no such rule. */
  readonly actDate: TIsoDate | null;
}

/** The omnibus date where the omnibus set one, else the Act's date (see the file comment). */
export function rulesetDate(key: TKeyDateKey): TRulesetDate {
  const { act, omnibus } = keyDate(key);
  if (omnibus?.date) return { date: omnibus.date, status: omnibus.status, actDate: act.date };
  if (!act.date) throw new Error(`Key date ${key} has no date`);
  return { date: act.date, status: IN_FORCE, actDate: act.date };
}

/** The calendar date of `today` in UTC, or the ISO date given. */
export function isoDate(today: Date | TIsoDate): TIsoDate {
  if (typeof today === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`Not an ISO date (YYYY-MM-DD): ${today}`);
    return today;
  }
  return today.toISOString().slice(0, 10);
}

/** Whether an obligation applies on the given day: from its appliesFrom date inclusive. */
export function appliesToday(obligation: { readonly appliesFrom: TIsoDate }, today: Date | TIsoDate): boolean {
  return isoDate(today) >= obligation.appliesFrom;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2027-12-02" → "2 Dec 2027", for rationale text. */
export function formatLegalDate(date: TIsoDate): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
