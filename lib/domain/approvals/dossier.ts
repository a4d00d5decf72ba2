import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json";
import type { TRiskTier } from "../model-card/template";
import { OBLIGATION_ARTICLES } from "../risk/obligations";
import type { TObligationStatus } from "../risk/ruleset";
import { obligationStatusPhrase } from "./policy";

/*
 * The dossier of a model version is exactly what an approval approves: the card revision, the
 * classification, the evaluations with their waivers and the obligations with their evidence.
 * An approval records dossierHash(); any change to the dossier changes the hash and so
 * invalidates the approval (DESIGN invariant 5).
 *
 * buildDossier() normalises what the database returns, so the hash depends on content only:
 * lists are sorted by stable keys (never by row order or locale), dates become ISO 8601 UTC, and
 * free JSON (the legal basis) is copied through canonical JSON. `format` names this layout: a
 * change to what the dossier holds must change it, so old hashes are never silently reread.
 */

export const DOSSIER_FORMAT = "attest-dossier/1";

export type TEvidenceInput =
  | { readonly kind: "file"; readonly sha256: string; readonly fileName?: string | null; readonly note?: string }
  | { readonly kind: "link"; readonly url: string; readonly note?: string }
  | { readonly kind: "note"; readonly note: string };

export interface TDossierInput {
  readonly version: { readonly id: string; readonly label: string };
  /** The card revision under review; null when none was saved yet. */
  readonly card: { readonly revision: number; readonly contentHash: string } | null;
  /** The model's current decided classification; null when there is none. */
  readonly classification: {
    readonly id: string;
    readonly status: string;
    readonly finalTier: TRiskTier;
    readonly rulesetVersion: string;
    readonly legalBasis: unknown;
    readonly overrideJustification?: string | null;
  } | null;
  readonly evaluations: readonly {
    readonly id: string;
    readonly name: string;
    readonly inputSha256: string;
    readonly result: "pass" | "fail";
    readonly waiver: { readonly justification: string; readonly expiresAt: Date | string } | null;
  }[];
  /** The model's applicable obligations. */
  readonly obligations: readonly {
    readonly article: string;
    readonly status: TObligationStatus;
    readonly note: string;
    readonly evidence: readonly TEvidenceInput[];
  }[];
}

export type TDossierEvidence =
  | { kind: "file"; sha256: string; fileName: string | null; note: string }
  | { kind: "link"; url: string; note: string }
  | { kind: "note"; note: string };

export interface TDossierEvaluation {
  id: string;
  name: string;
  inputSha256: string;
  result: "pass" | "fail";
  waiver: { justification: string; expiresAt: string } | null;
}

export interface TDossierObligation {
  article: string;
  status: TObligationStatus;
  note: string;
  evidence: TDossierEvidence[];
}

export interface TDossier {
  format: string;
  version: { id: string; label: string };
  card: { revision: number; contentHash: string } | null;
  classification: {
    id: string;
    status: string;
    finalTier: TRiskTier;
    rulesetVersion: string;
    legalBasis: unknown;
    overrideJustification: string | null;
  } | null;
  /** Sorted by id. */
  evaluations: TDossierEvaluation[];
  /** In the Act's article order (unknown articles after, by text); evidence by canonical JSON. */
  obligations: TDossierObligation[];
}

export function buildDossier(input: TDossierInput): TDossier {
  const c = input.classification;
  return {
    format: DOSSIER_FORMAT,
    version: { id: input.version.id, label: input.version.label },
    card: input.card ? { revision: input.card.revision, contentHash: input.card.contentHash } : null,
    classification: c
      ? {
          id: c.id,
          status: c.status,
          finalTier: c.finalTier,
          rulesetVersion: c.rulesetVersion,
          legalBasis: plainJson(c.legalBasis),
          overrideJustification: c.overrideJustification ?? null,
        }
      : null,
    evaluations: input.evaluations
      .map((e) => ({
        id: e.id,
        name: e.name,
        inputSha256: e.inputSha256,
        result: e.result,
        waiver: e.waiver ? { justification: e.waiver.justification, expiresAt: isoInstant(e.waiver.expiresAt) } : null,
      }))
      .sort(by((e) => [e.id, canonicalJson(e)])),
    obligations: input.obligations
      .map((o) => ({
        article: o.article,
        status: o.status,
        note: o.note,
        evidence: o.evidence.map(normaliseEvidence).sort(by((e) => [canonicalJson(e)])),
      }))
      .sort(by((o) => [articleRank(o.article), o.article, canonicalJson(o)])),
  };
}

/** SHA-256, hex, of the dossier's canonical JSON: the canonicalisation the audit chain uses. */
export function dossierHash(dossier: TDossier): string {
  return createHash("sha256").update(canonicalJson(dossier)).digest("hex");
}

function normaliseEvidence(e: TEvidenceInput): TDossierEvidence {
  switch (e.kind) {
    case "file":
      return { kind: "file", sha256: e.sha256, fileName: e.fileName ?? null, note: e.note ?? "" };
    case "link":
      return { kind: "link", url: e.url, note: e.note ?? "" };
    case "note":
      return { kind: "note", note: e.note };
  }
}

/** A copy as plain JSON, keys in canonical order: what the hash sees is what the dossier holds. */
function plainJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(canonicalJson(value));
}

function isoInstant(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date.toISOString();
}

/** Position in the Act's order; unknown articles sort after every known one. */
function articleRank(article: string): string {
  const index = (OBLIGATION_ARTICLES as readonly string[]).indexOf(article);
  return String(index === -1 ? OBLIGATION_ARTICLES.length : index).padStart(4, "0");
}

/** A comparator on string keys by UTF-16 code units: the same everywhere, unlike localeCompare. */
function by<T>(keys: (item: T) => string[]): (a: T, b: T) => number {
  return (a, b) => {
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -1;
      if (ka[i]! > kb[i]!) return 1;
    }
    return 0;
  };
}

// ---------------------------------------------------------------------------------------------
// What changed

export type TDossierPart = "dossier" | "version" | "card" | "classification" | "evaluation" | "obligation";

export interface TDossierChange {
  readonly part: TDossierPart;
  /** The evaluation id or obligation article the change is about, for the parts that have several. */
  readonly subject?: string;
  /** In human terms, e.g. "card revision 4 → 5", "evaluation holdout-Q3 waived". */
  readonly message: string;
}

/**
 * What changed between two dossiers, in dossier order: the card, the classification, the
 * evaluations (by id), the obligations (by article). Used to say which change invalidated an
 * approval, so it is never empty when the hashes differ.
 */
export function dossierDiff(before: TDossier, after: TDossier): TDossierChange[] {
  const changes: TDossierChange[] = [];
  const add = (part: TDossierPart, message: string, subject?: string) => changes.push({ part, message, ...(subject !== undefined ? { subject } : {}) });

  if (before.format !== after.format) add("dossier", `dossier format ${before.format} → ${after.format}`);
  if (before.version.id !== after.version.id) add("version", `model version ${before.version.label} replaced by ${after.version.label}`);
  else if (before.version.label !== after.version.label) add("version", `version label ${before.version.label} → ${after.version.label}`);

  cardChanges(before.card, after.card).forEach((m) => add("card", m));
  classificationChanges(before.classification, after.classification).forEach((m) => add("classification", m));

  const evaluationsBefore = new Map(before.evaluations.map((e) => [e.id, e]));
  const evaluationsAfter = new Map(after.evaluations.map((e) => [e.id, e]));
  for (const id of unionInOrder(before.evaluations.map((e) => e.id), after.evaluations.map((e) => e.id)).sort()) {
    evaluationChanges(evaluationsBefore.get(id), evaluationsAfter.get(id)).forEach((m) => add("evaluation", m, id));
  }

  const obligationsBefore = new Map(before.obligations.map((o) => [o.article, o]));
  const obligationsAfter = new Map(after.obligations.map((o) => [o.article, o]));
  const articles = unionInOrder(before.obligations.map((o) => o.article), after.obligations.map((o) => o.article));
  for (const article of articles.sort(by((a) => [articleRank(a), a]))) {
    obligationChanges(article, obligationsBefore.get(article), obligationsAfter.get(article)).forEach((m) => add("obligation", m, article));
  }

  // Whatever the rules above do not name (say, two rows with one key) still counts as a change.
  if (changes.length === 0 && canonicalJson(before) !== canonicalJson(after)) add("dossier", "dossier content changed");
  return changes;
}

function cardChanges(before: TDossier["card"], after: TDossier["card"]): string[] {
  if (before === null && after === null) return [];
  if (before === null) return [`card revision ${after!.revision} added`];
  if (after === null) return [`card removed (was revision ${before.revision})`];
  if (before.revision !== after.revision) return [`card revision ${before.revision} → ${after.revision}`];
  return before.contentHash !== after.contentHash ? [`card revision ${after.revision} content changed`] : [];
}

function classificationChanges(before: TDossier["classification"], after: TDossier["classification"]): string[] {
  if (before === null && after === null) return [];
  if (before === null) return [`risk classification added (${after!.finalTier} risk)`];
  if (after === null) return [`risk classification removed (was ${before.finalTier} risk)`];
  if (before.id !== after.id) {
    return [
      before.finalTier === after.finalTier
        ? `risk classification replaced (still ${after.finalTier} risk)`
        : `risk classification replaced: ${before.finalTier} risk → ${after.finalTier} risk`,
    ];
  }
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`risk classification ${before.status} → ${after.status}`);
  if (before.finalTier !== after.finalTier) changes.push(`risk tier ${before.finalTier} → ${after.finalTier}`);
  if (before.rulesetVersion !== after.rulesetVersion) changes.push(`risk ruleset ${before.rulesetVersion} → ${after.rulesetVersion}`);
  if (canonicalJson(before.legalBasis) !== canonicalJson(after.legalBasis)) changes.push("risk classification legal basis changed");
  if (before.overrideJustification !== after.overrideJustification) changes.push("risk classification override justification changed");
  return changes;
}

function evaluationChanges(before: TDossierEvaluation | undefined, after: TDossierEvaluation | undefined): string[] {
  if (!before) return [`evaluation ${after!.name} added (${after!.waiver ? "waived" : after!.result})`];
  if (!after) return [`evaluation ${before.name} removed`];
  const changes: string[] = [];
  const name = after.name;
  if (before.name !== after.name) changes.push(`evaluation ${before.name} renamed to ${after.name}`);
  if (before.inputSha256 !== after.inputSha256) changes.push(`evaluation ${name} input changed`);
  if (before.result !== after.result) changes.push(`evaluation ${name} result ${before.result} → ${after.result}`);
  if (!before.waiver && after.waiver) changes.push(`evaluation ${name} waived`);
  else if (before.waiver && !after.waiver) changes.push(`evaluation ${name} waiver withdrawn`);
  else if (before.waiver && after.waiver) {
    if (before.waiver.expiresAt !== after.waiver.expiresAt) {
      changes.push(`evaluation ${name} waiver expiry ${before.waiver.expiresAt.slice(0, 10)} → ${after.waiver.expiresAt.slice(0, 10)}`);
    }
    if (before.waiver.justification !== after.waiver.justification) changes.push(`evaluation ${name} waiver justification changed`);
  }
  return changes;
}

function obligationChanges(article: string, before: TDossierObligation | undefined, after: TDossierObligation | undefined): string[] {
  if (!before) return [`obligation ${article} added (${obligationStatusPhrase(after!.status)})`];
  if (!after) return [`obligation ${article} removed`];
  const changes: string[] = [];
  if (before.status !== after.status) {
    changes.push(`obligation ${article} status ${obligationStatusPhrase(before.status)} → ${obligationStatusPhrase(after.status)}`);
  }
  if (before.note !== after.note) changes.push(`obligation ${article} note changed`);
  // Evidence has no identity beyond its content: compare as multisets of canonical JSON.
  const remaining = new Map<string, number>();
  for (const e of before.evidence) remaining.set(canonicalJson(e), (remaining.get(canonicalJson(e)) ?? 0) + 1);
  for (const e of after.evidence) {
    const key = canonicalJson(e);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else changes.push(`obligation ${article} evidence added: ${evidencePhrase(e)}`);
  }
  for (const e of before.evidence) {
    const key = canonicalJson(e);
    const left = remaining.get(key) ?? 0;
    if (left === 0) continue;
    remaining.set(key, left - 1);
    changes.push(`obligation ${article} evidence removed: ${evidencePhrase(e)}`);
  }
  return changes;
}

function evidencePhrase(e: TDossierEvidence): string {
  switch (e.kind) {
    case "file":
      return `file ${e.fileName ? `${e.fileName} ` : ""}(sha256 ${e.sha256.slice(0, 12)}…)`;
    case "link":
      return `link ${e.url}`;
    case "note":
      return `note "${e.note.length > 60 ? `${e.note.slice(0, 59)}…` : e.note}"`;
  }
}

function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}
