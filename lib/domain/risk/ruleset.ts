import { z } from "zod";
import { RISK_TIERS, type TRiskTier } from "../model-card/template";
import {
  ANNEX_III_POINTS,
  annexIIIPointText,
  DEROGATION_CONDITION_TEXTS,
  DEROGATION_CONDITIONS,
  OMNIBUS_INTIMATE_CONTENT_PRACTICE,
  OPERATOR_ROLES,
  PROFILING_RULE_TEXT,
  PROHIBITED_PRACTICE_TEXTS,
  PROHIBITED_PRACTICES,
  SYSTEMIC_RISK_COMPUTE_THRESHOLD_FLOPS,
  TRANSPARENCY_TRIGGER_TEXTS,
  TRANSPARENCY_TRIGGERS,
  type TAnnexIIIPoint,
  type TDerogationCondition,
  type TOperatorRole,
  type TProhibitedPractice,
  type TTransparencyTrigger,
} from "./act";
import { formatLegalDate, IN_FORCE, keyDate, rulesetDate, type TIsoDate, type TKeyDateKey, type TLegalStatus } from "./dates";
import { CHECKLISTS, OBLIGATION_ARTICLES, OBLIGATION_TITLES, type TChecklistContext, type TObligationArticle } from "./obligations";

/*
 * The EU AI Act risk ruleset: normalised questionnaire answers → tier, flags, legal basis,
 * obligations and a plain-language rationale. Pure and deterministic; every stored
 * classification records RULESET_VERSION. Changing what any answer means, or what follows from
 * it, needs a new version (and the changed questions' `since`, see questionnaire.ts).
 *
 * Decisions the Act leaves to the implementer, taken here:
 * - Prohibited wins: nothing else can make the system lawful, so the Art. 6 and Art. 50 answers
 *   are not assessed (no transparency flags, no derogation). A general-purpose AI model keeps
 *   its flags and, for its provider, the Art. 53/55 duties, which attach to the model.
 * - Art. 6(3) only derogates from Art. 6(2): a system that is high-risk under Art. 6(1) stays
 *   high-risk and its derogation and profiling answers are not assessed.
 * - Profiling of natural persons (with an Annex III point) fires the Art. 6(3) profiling rule
 *   whether or not a derogation condition was claimed.
 * - Derogation duties (Art. 6(4), Art. 49(2)) are the provider's; other roles get none.
 * - Art. 50: the tier and flags follow every trigger; the obligation lists only the paragraphs
 *   whose duty falls on the role (50(1), 50(2) providers; 50(3), 50(4) deployers).
 * - Art. 53/55 are listed for providers only; Art. 4 for providers and deployers, the operators
 *   it addresses. Importers and distributors of high-risk systems get Art. 23 / Art. 24.
 * - Registration is cited by paragraph: Art. 49(1) for Annex III high-risk systems (not point 2
 *   alone), Art. 49(5) for point 2 alone, Art. 49(2) after a derogation; none for Annex I-only
 *   systems, which Art. 49(1) does not cover. At most one Art. 49 entry per result.
 * - Dates: see dates.ts (omnibus dates where adopted). A system on both high-risk routes takes
 *   the earlier date.
 */

export const RULESET_VERSION = "eu-ai-act-2024-1689/2026-omnibus";
/** Every ruleset version Attest has shipped, oldest first. */
export const RULESET_VERSIONS: readonly string[] = [RULESET_VERSION];

export { RISK_TIERS, type TRiskTier };

export const OBLIGATION_STATUSES = ["not_started", "in_progress", "met", "not_applicable"] as const;
export type TObligationStatus = (typeof OBLIGATION_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Answers

const ANSWER_KEYS = [
  "role",
  "publicBodyOrPublicService",
  "prohibitedPractices",
  "annexISafetyComponent",
  "annexIThirdPartyAssessment",
  "annexIIIPoints",
  "derogation",
  "profiling",
  "transparency",
  "gpai",
  "trainingComputeFlops",
  "gpaiDesignatedSystemic",
] as const;

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** An answer code; `inList` when it is one item of a list-valued key. */
function answerEnum<const T extends readonly [string, ...string[]]>(values: T, key: string, inList = false) {
  return z.enum(values, {
    error: (issue) =>
      typeof issue.input === "string"
        ? `Unknown value ${JSON.stringify(issue.input)} ${inList ? "in" : "for"} ${key}; expected one of ${quoted(values)}.`
        : `${inList ? `Each value of ${key}` : key} must be one of ${quoted(values)}.`,
  });
}

/** A set of codes: duplicates are dropped and the codes put in the Act's order, so one meaning has one form. */
function answerSet<const T extends readonly [string, ...string[]]>(values: T, key: string) {
  return z
    .array(answerEnum(values, key, true), { error: `${key} must be a list of ${quoted(values)}.` })
    .default([])
    .transform((chosen) => values.filter((v) => chosen.includes(v)) as T[number][]);
}

const answerFlag = (key: string) => z.boolean({ error: `${key} must be true or false.` }).default(false);

/**
 * The normalised questionnaire answers (the body of POST /api/v1/risk/evaluate). `role` is
 * required; every other key defaults to "no" (false, [] or null), which is also the answer to a
 * question the questionnaire skipped. Unknown keys and values are errors naming them.
 */
export const ZRiskAnswersSchema = z.strictObject(
  {
    role: answerEnum(OPERATOR_ROLES, "role"),
    publicBodyOrPublicService: answerFlag("publicBodyOrPublicService"),
    prohibitedPractices: answerSet(PROHIBITED_PRACTICES, "prohibitedPractices"),
    annexISafetyComponent: answerFlag("annexISafetyComponent"),
    annexIThirdPartyAssessment: answerFlag("annexIThirdPartyAssessment"),
    annexIIIPoints: answerSet(ANNEX_III_POINTS, "annexIIIPoints"),
    derogation: answerSet(DEROGATION_CONDITIONS, "derogation"),
    profiling: answerFlag("profiling"),
    transparency: answerSet(TRANSPARENCY_TRIGGERS, "transparency"),
    gpai: answerFlag("gpai"),
    trainingComputeFlops: z
      .number({ error: "trainingComputeFlops must be a finite number of FLOPs, or null." })
      .nonnegative("trainingComputeFlops cannot be negative.")
      .nullable()
      .default(null),
    gpaiDesignatedSystemic: answerFlag("gpaiDesignatedSystemic"),
  },
  {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        const plural = issue.keys.length > 1 ? "s" : "";
        return `Unknown key${plural} ${quoted(issue.keys)}; the answers accept ${quoted(ANSWER_KEYS)}.`;
      }
      if (issue.code === "invalid_type") return "The answers must be a JSON object.";
      return undefined;
    },
  },
);

export type TRiskAnswers = z.output<typeof ZRiskAnswersSchema>;
export type TRiskAnswersInput = z.input<typeof ZRiskAnswersSchema>;

export interface TAnswerError {
  /** Dotted path of the offending key or value, e.g. "annexIIIPoints.2"; "" for the whole object. */
  readonly path: string;
  readonly message: string;
}

/** Parses answers for the API: one error per unknown key, per unknown value and per bad field. */
export function parseRiskAnswers(
  input: unknown,
): { success: true; answers: TRiskAnswers } | { success: false; errors: TAnswerError[] } {
  const parsed = ZRiskAnswersSchema.safeParse(input);
  if (parsed.success) return { success: true, answers: parsed.data };
  const errors = parsed.error.issues.flatMap((issue): TAnswerError[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: key, message: `Unknown key ${JSON.stringify(key)}; the answers accept ${quoted(ANSWER_KEYS)}.` }))
      : [{ path: issue.path.join("."), message: issue.message }],
  );
  return { success: false, errors };
}

// ---------------------------------------------------------------------------------------------
// Result

export interface TLegalBasis {
  readonly article: string;
  readonly point?: string;
  readonly text: string;
  /** Present when the rule comes from a text not yet in force. */
  readonly legalStatus?: TLegalStatus;
}

export interface TObligation {
  readonly article: TObligationArticle;
  readonly title: string;
  /** The date the ruleset uses (omnibus dates where adopted, see dates.ts). */
  readonly appliesFrom: TIsoDate;
  /** The date under Regulation (EU) 2024/1689 as published; null when the Act as published has no such duty. */
  readonly appliesFromUnderAct: TIsoDate | null;
  /** The legal status of appliesFrom. */
  readonly legalStatus: TLegalStatus;
  readonly checklist: string[];
  readonly note?: string;
}

export interface TRiskFlags {
  readonly gpai: boolean;
  readonly gpaiSystemicRisk: boolean;
  readonly transparency: TTransparencyTrigger[];
  readonly derogationApplied: boolean;
}

export interface TRiskEvaluation {
  readonly rulesetVersion: string;
  readonly tier: TRiskTier;
  readonly flags: TRiskFlags;
  readonly legalBasis: TLegalBasis[];
  readonly obligations: TObligation[];
  readonly rationale: string;
}

// ---------------------------------------------------------------------------------------------
// Classification facts, shared with the questionnaire so that what it skips is exactly what the
// evaluation ignores.

export interface TClassificationFacts {
  readonly role: TOperatorRole;
  readonly prohibited: readonly TProhibitedPractice[];
  /** Art. 6(1): Annex I safety component that needs third-party conformity assessment. */
  readonly annexIRoute: boolean;
  /** Whether the Art. 6(3) answers (profiling, derogation) are assessed at all. */
  readonly derogationAssessed: boolean;
  readonly profilingRuleFired: boolean;
  readonly derogationApplied: boolean;
  /** Annex III points that make the system high-risk under Art. 6(2). */
  readonly highRiskPoints: readonly TAnnexIIIPoint[];
  /** Annex III points taken out of high risk by the derogation. */
  readonly derogatedPoints: readonly TAnnexIIIPoint[];
  /** Whether the Art. 27 / Art. 26(8) public-body answer is assessed: a deployer of an Annex III high-risk system (not point 2 alone). */
  readonly publicBodyAssessed: boolean;
  /** A deployer of such a system that is a public body or provides public services (Art. 27, Art. 26(8)). */
  readonly publicBodyDeployer: boolean;
  readonly friaRequired: boolean;
  readonly transparency: readonly TTransparencyTrigger[];
  readonly gpai: boolean;
  readonly computeAboveThreshold: boolean;
  readonly designated: boolean;
  readonly systemicRisk: boolean;
  readonly tier: TRiskTier;
}

const inCanonicalOrder = <T extends string>(all: readonly T[], chosen: readonly T[]) => all.filter((v) => chosen.includes(v));

export function classificationFacts(answers: TRiskAnswers): TClassificationFacts {
  const prohibited = inCanonicalOrder(PROHIBITED_PRACTICES, answers.prohibitedPractices);
  const gpai = answers.gpai;
  const computeAboveThreshold =
    gpai && answers.trainingComputeFlops !== null && answers.trainingComputeFlops > SYSTEMIC_RISK_COMPUTE_THRESHOLD_FLOPS;
  const designated = gpai && answers.gpaiDesignatedSystemic;
  const gpaiFacts = { gpai, computeAboveThreshold, designated, systemicRisk: computeAboveThreshold || designated };

  if (prohibited.length > 0) {
    return {
      role: answers.role,
      prohibited,
      annexIRoute: false,
      derogationAssessed: false,
      profilingRuleFired: false,
      derogationApplied: false,
      highRiskPoints: [],
      derogatedPoints: [],
      publicBodyAssessed: false,
      publicBodyDeployer: false,
      friaRequired: false,
      transparency: [],
      ...gpaiFacts,
      tier: "prohibited",
    };
  }

  const points = inCanonicalOrder(ANNEX_III_POINTS, answers.annexIIIPoints);
  const annexIRoute = answers.annexISafetyComponent && answers.annexIThirdPartyAssessment;
  const derogationAssessed = points.length > 0 && !annexIRoute;
  const profilingRuleFired = derogationAssessed && answers.profiling;
  const derogationApplied = derogationAssessed && !answers.profiling && answers.derogation.length > 0;
  const highRiskPoints = derogationApplied ? [] : points;
  const publicBodyAssessed = answers.role === "deployer" && highRiskPoints.some((p) => p !== "2");
  const publicBodyDeployer = publicBodyAssessed && answers.publicBodyOrPublicService;
  const friaRequired =
    publicBodyDeployer || (publicBodyAssessed && (highRiskPoints.includes("5(b)") || highRiskPoints.includes("5(c)")));
  const transparency = inCanonicalOrder(TRANSPARENCY_TRIGGERS, answers.transparency);
  const high = annexIRoute || highRiskPoints.length > 0;

  return {
    role: answers.role,
    prohibited,
    annexIRoute,
    derogationAssessed,
    profilingRuleFired,
    derogationApplied,
    highRiskPoints,
    derogatedPoints: derogationApplied ? points : [],
    publicBodyAssessed,
    publicBodyDeployer,
    friaRequired,
    transparency,
    ...gpaiFacts,
    tier: high ? "high" : transparency.length > 0 ? "limited" : "minimal",
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export function evaluateRisk(answers: TRiskAnswers): TRiskEvaluation {
  const facts = classificationFacts(answers);
  const derogation = inCanonicalOrder(DEROGATION_CONDITIONS, answers.derogation);
  const obligations = deriveObligations(facts, derogation);
  return {
    rulesetVersion: RULESET_VERSION,
    tier: facts.tier,
    flags: {
      gpai: facts.gpai,
      gpaiSystemicRisk: facts.systemicRisk,
      transparency: [...facts.transparency],
      derogationApplied: facts.derogationApplied,
    },
    legalBasis: legalBasis(facts, derogation),
    obligations,
    rationale: rationale(facts, answers, derogation, obligations),
  };
}

const OMNIBUS_PRACTICE_DATE = rulesetDate("prohibition-intimate-content");

function legalBasis(facts: TClassificationFacts, derogation: readonly TDerogationCondition[]): TLegalBasis[] {
  const basis: TLegalBasis[] = [];
  for (const practice of facts.prohibited) {
    const { article, point, text } = PROHIBITED_PRACTICE_TEXTS[practice];
    basis.push(
      practice === OMNIBUS_INTIMATE_CONTENT_PRACTICE
        ? { article, point, text, legalStatus: OMNIBUS_PRACTICE_DATE.status }
        : { article, point, text },
    );
  }
  if (facts.annexIRoute) {
    basis.push({
      article: "Art. 6(1)",
      point: "Annex I",
      text: "A safety component of a product, or itself a product, covered by the Union harmonisation legislation listed in Annex I, where the product needs third-party conformity assessment.",
    });
  }
  for (const point of facts.highRiskPoints) {
    basis.push({ article: "Art. 6(2)", point: `Annex III ${point}`, text: annexIIIPointText(point) });
  }
  if (facts.profilingRuleFired) {
    basis.push({ article: "Art. 6(3)", point: "third subparagraph (profiling)", text: PROFILING_RULE_TEXT });
  }
  for (const point of facts.derogatedPoints) {
    basis.push({
      article: "Art. 6(3)",
      point: `Annex III ${point}`,
      text: `${annexIIIPointText(point)} — listed in Annex III, but not high-risk under the Art. 6(3) derogation.`,
    });
  }
  if (facts.derogationApplied) {
    for (const condition of derogation) {
      basis.push({ article: "Art. 6(3)", point: `(${condition})`, text: DEROGATION_CONDITION_TEXTS[condition] });
    }
  }
  for (const trigger of facts.transparency) {
    basis.push({ article: `Art. ${trigger}`, text: TRANSPARENCY_TRIGGER_TEXTS[trigger].text });
  }
  if (facts.gpai) {
    basis.push({
      article: "Art. 53",
      text: "A general-purpose AI model: its provider has the Chapter V obligations. A general-purpose AI model does not by itself set the system's risk tier.",
    });
  }
  if (facts.computeAboveThreshold) {
    basis.push({
      article: "Art. 51(2)",
      text: "Cumulative training compute \"greater than 10^25\" FLOPs: high-impact capabilities are presumed, so the model has systemic risk (Art. 51(1)(a)).",
    });
  }
  if (facts.designated) {
    basis.push({
      article: "Art. 51(1)(b)",
      text: "Designated by the Commission as a general-purpose AI model with systemic risk, on the Annex XIII criteria.",
    });
  }
  return basis;
}

const ART_49_2_NOTE =
  "The omnibus proposal would remove this registration; the Council's summary of the adopted text does not list that change, so it is kept until the Official Journal text says otherwise.";

function deriveObligations(facts: TClassificationFacts, derogation: readonly TDerogationCondition[]): TObligation[] {
  const { role } = facts;
  const transparencyDuties = facts.transparency.filter((t) => TRANSPARENCY_TRIGGER_TEXTS[t].dutyOf === role);
  const context: TChecklistContext = {
    annexIIIPoints: facts.derogationApplied ? facts.derogatedPoints : facts.highRiskPoints,
    annexIRoute: facts.annexIRoute,
    publicBodyDeployer: facts.publicBodyDeployer,
    transparencyDuties,
    derogation,
    gpaiComputeAboveThreshold: facts.computeAboveThreshold,
    gpaiDesignated: facts.designated,
    gpaiSystemicRisk: facts.systemicRisk,
  };
  const list: TObligation[] = [];
  const add = (article: TObligationArticle, dateKey: TKeyDateKey, note?: string) => {
    const date = rulesetDate(dateKey);
    list.push({
      article,
      title: OBLIGATION_TITLES[article],
      appliesFrom: date.date,
      appliesFromUnderAct: date.actDate,
      legalStatus: date.status,
      checklist: CHECKLISTS[article](context),
      ...(note ? { note } : {}),
    });
  };

  if (role === "provider" || role === "deployer") {
    add("Art. 4", "ai-literacy", `Under the 2026 omnibus (${keyDate("ai-literacy").omnibus?.status}): ${keyDate("ai-literacy").omnibus?.change}`);
  }

  if (facts.prohibited.length > 0) {
    const onlyOmnibus = facts.prohibited.every((p) => p === OMNIBUS_INTIMATE_CONTENT_PRACTICE);
    add(
      "Art. 5",
      onlyOmnibus ? "prohibition-intimate-content" : "prohibitions",
      facts.prohibited.includes(OMNIBUS_INTIMATE_CONTENT_PRACTICE)
        ? `The prohibition on non-consensual intimate content and CSAM comes from the 2026 omnibus (${OMNIBUS_PRACTICE_DATE.status}) and applies from ${formatLegalDate(OMNIBUS_PRACTICE_DATE.date)}.`
        : undefined,
    );
  }

  if (facts.tier === "high") {
    // Art. 113 and the omnibus date the two routes differently; a system on both takes the earlier.
    const highRiskDate: TKeyDateKey = facts.highRiskPoints.length > 0 ? "high-risk-annex-iii" : "high-risk-annex-i";
    if (role === "provider") {
      for (const article of ["Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17", "Art. 43", "Art. 47"] as const) {
        add(article, highRiskDate);
      }
      if (facts.highRiskPoints.some((p) => p !== "2")) add("Art. 49(1)", "high-risk-annex-iii");
      else if (facts.highRiskPoints.includes("2")) add("Art. 49(5)", "high-risk-annex-iii");
      add("Art. 72", highRiskDate);
      add("Art. 73", highRiskDate);
    }
    if (role === "deployer") {
      add("Art. 26", highRiskDate);
      if (facts.friaRequired) add("Art. 27", "high-risk-annex-iii");
    }
    if (role === "importer") add("Art. 23", highRiskDate);
    if (role === "distributor") add("Art. 24", highRiskDate);
  }

  if (facts.derogationApplied && role === "provider") {
    add("Art. 6(4)", "high-risk-annex-iii");
    add("Art. 49(2)", "high-risk-annex-iii", ART_49_2_NOTE);
  }

  if (transparencyDuties.length > 0) add("Art. 50", "transparency");

  if (facts.gpai && role === "provider") {
    const legacy = keyDate("legacy-gpai-models");
    const legacyNote = `Models placed on the market before ${formatLegalDate(rulesetDate("gpai").date)} must comply by ${formatLegalDate(legacy.act.date ?? "")} (${legacy.act.citation}).`;
    add("Art. 53", "gpai", legacyNote);
    if (facts.systemicRisk) add("Art. 55", "gpai", legacyNote);
  }

  return list.sort((a, b) => OBLIGATION_ARTICLES.indexOf(a.article) - OBLIGATION_ARTICLES.indexOf(b.article));
}

// ---------------------------------------------------------------------------------------------
// Rationale

const ROLE_NOUN: Record<TOperatorRole, string> = {
  provider: "provider",
  deployer: "deployer",
  importer: "importer",
  distributor: "distributor",
};

const listText = (items: readonly string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("; ")}; and ${items[items.length - 1]}`;

const flopsText = (flops: number) => flops.toExponential().replace("e+", "e");

const pointsText = (points: readonly TAnnexIIIPoint[]) =>
  listText(points.map((p) => `point ${p} (${annexIIIPointText(p)})`));

function practiceText(practice: TProhibitedPractice): string {
  const { article, point, title } = PROHIBITED_PRACTICE_TEXTS[practice];
  if (practice === OMNIBUS_INTIMATE_CONTENT_PRACTICE) {
    return `the new Art. 5 prohibition on ${title.toLowerCase()} added by the 2026 Digital Omnibus (${OMNIBUS_PRACTICE_DATE.status}; applies from ${formatLegalDate(OMNIBUS_PRACTICE_DATE.date)})`;
  }
  return `${article}${point} ${title.toLowerCase()}`;
}

function rationale(
  facts: TClassificationFacts,
  answers: TRiskAnswers,
  derogation: readonly TDerogationCondition[],
  obligations: readonly TObligation[],
): string {
  const paragraphs: string[] = [];
  const role = ROLE_NOUN[facts.role];

  switch (facts.tier) {
    case "prohibited": {
      const ojPractices = facts.prohibited.filter((p) => p !== OMNIBUS_INTIMATE_CONTENT_PRACTICE);
      const since = ojPractices.length > 0 ? ` (Art. 5 applies from ${formatLegalDate(rulesetDate("prohibitions").date)})` : "";
      paragraphs.push(
        `Prohibited. The answers say the system engages in ${facts.prohibited.length === 1 ? "a practice" : "practices"} banned by Art. 5: ${listText(facts.prohibited.map(practiceText))}. ` +
          `It must not be placed on the market, put into service or used in the EU${since}; fines reach €35M or 7% of worldwide annual turnover, whichever is higher (Art. 99(3)). ` +
          "Because nothing else can make it lawful, the high-risk (Art. 6) and transparency (Art. 50) questions were not assessed.",
      );
      break;
    }
    case "high": {
      const reasons: string[] = [];
      if (facts.annexIRoute) {
        reasons.push(
          "It is a safety component of a product (or itself a product) under the Union harmonisation legislation in Annex I, and the product needs third-party conformity assessment, so it is high-risk under Art. 6(1).",
        );
      }
      if (facts.highRiskPoints.length > 0) {
        reasons.push(`It is listed in Annex III, so it is high-risk under Art. 6(2): ${pointsText(facts.highRiskPoints)}.`);
      }
      if (facts.profilingRuleFired) {
        reasons.push(
          "It profiles natural persons, so it stays high-risk whatever Art. 6(3) condition might hold: an Annex III system that profiles natural persons is always high-risk (Art. 6(3), third subparagraph).",
        );
      }
      if (facts.annexIRoute && facts.highRiskPoints.length > 0) {
        reasons.push("The Art. 6(3) derogation was not assessed: it only derogates from Art. 6(2), and the system is high-risk under Art. 6(1) in any case.");
      }
      paragraphs.push(`High risk. ${reasons.join(" ")}`);
      break;
    }
    case "limited":
      paragraphs.push(
        `Limited risk. The system is neither prohibited nor high-risk, but Art. 50 transparency duties apply: ${listText(
          facts.transparency.map((t) => `Art. ${t}, ${TRANSPARENCY_TRIGGER_TEXTS[t].title.toLowerCase()}`),
        )}.`,
      );
      break;
    case "minimal":
      paragraphs.push("Minimal risk. No rule of Art. 5, Art. 6 or Art. 50 applies to the system, so the Act sets no specific requirements for it.");
      break;
  }

  if (facts.tier !== "prohibited" && answers.annexISafetyComponent && !answers.annexIThirdPartyAssessment) {
    paragraphs.push(
      "It is a safety component under Annex I legislation, but the product does not need third-party conformity assessment, so Art. 6(1) does not make it high-risk.",
    );
  }

  if (facts.derogationApplied) {
    const conditions = listText(derogation.map((c) => `(${c}) ${DEROGATION_CONDITION_TEXTS[c].replace(/^The system /, "")}`));
    const duty =
      facts.role === "provider"
        ? "As provider you must document this assessment before placing the system on the market (Art. 6(4)) and register it in the EU database (Art. 49(2))."
        : `These duties are the provider's: it must have documented the assessment (Art. 6(4)) and registered the system in the EU database (Art. 49(2)); as ${role}, check that it did.`;
    paragraphs.push(
      `It is listed in Annex III — ${pointsText(facts.derogatedPoints)} — but it is not high-risk: the Art. 6(3) derogation is relied on, because it ${conditions}, and it does not profile natural persons. ${duty}`,
    );
  }

  if (facts.tier === "high" && facts.transparency.length > 0) {
    paragraphs.push(
      `Art. 50 transparency duties apply as well: ${listText(facts.transparency.map((t) => `Art. ${t}, ${TRANSPARENCY_TRIGGER_TEXTS[t].title.toLowerCase()}`))}.`,
    );
  }
  if (facts.transparency.length > 0) {
    const others = facts.transparency.filter((t) => TRANSPARENCY_TRIGGER_TEXTS[t].dutyOf !== facts.role);
    if (others.length > 0) {
      const whose = (t: TTransparencyTrigger) => TRANSPARENCY_TRIGGER_TEXTS[t].dutyOf;
      const named = others.map((t) => `Art. ${t} binds the ${whose(t)}`);
      paragraphs.push(
        `${listText(named)}, not you as ${role}${facts.role === "provider" ? ": design the system so that its deployers can meet it" : ": check that it is met"}.`,
      );
    }
  }

  if (facts.gpai) {
    const parts = [
      "It is a general-purpose AI model. That does not by itself set a risk tier: the tier follows from how the system is used (Arts. 5, 6 and 50), and the model's own duties are in Chapter V.",
    ];
    const flops = answers.trainingComputeFlops;
    if (facts.computeAboveThreshold && flops !== null) {
      parts.push(`Its training compute of ${flopsText(flops)} FLOPs is greater than 10^25, so it is presumed to have high-impact capabilities and systemic risk (Art. 51(2), Art. 51(1)(a)).`);
    } else if (flops !== null) {
      parts.push(`Its training compute of ${flopsText(flops)} FLOPs is not greater than 10^25, so high-impact capabilities are not presumed (Art. 51(2)).`);
    }
    if (facts.designated) parts.push("The Commission has designated it as having systemic risk (Art. 51(1)(b)).");
    if (!facts.systemicRisk) {
      parts.push(
        flops === null
          ? "No training compute was given and it has not been designated, so it is not treated as having systemic risk (Art. 51)."
          : "It has not been designated either, so it has no systemic risk.",
      );
    }
    const duties = facts.systemicRisk ? "Art. 53 and Art. 55" : "Art. 53";
    parts.push(
      facts.role === "provider"
        ? `As its provider you have the ${duties} obligations.`
        : `The ${duties} obligations fall on the model's provider, not on you as ${role}.`,
    );
    paragraphs.push(parts.join(" "));
  }

  paragraphs.push(obligationsParagraph(facts, obligations));
  return paragraphs.join("\n\n");
}

function obligationsParagraph(facts: TClassificationFacts, obligations: readonly TObligation[]): string {
  const role = ROLE_NOUN[facts.role];
  const parts: string[] = [];
  if (obligations.length === 0) {
    parts.push(`No obligation under the Act follows for you as ${role} from these answers.`);
  } else {
    const groups = new Map<string, TObligation[]>();
    for (const o of obligations) {
      const key = `${o.appliesFrom}|${o.legalStatus}|${o.appliesFromUnderAct}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    const sentences = [...groups.values()].map((group) => {
      const { appliesFrom, legalStatus, appliesFromUnderAct } = group[0];
      const articles = group.map((o) => o.article).join(", ");
      const status =
        legalStatus === IN_FORCE
          ? ""
          : ` (2026 omnibus, ${legalStatus}${appliesFromUnderAct ? `; ${formatLegalDate(appliesFromUnderAct)} under the Act as published` : "; not in the Act as published"})`;
      return `${articles} from ${formatLegalDate(appliesFrom)}${status}`;
    });
    parts.push(`What follows for you as ${role}: ${listText(sentences)}.`);
  }

  if (facts.tier === "high") {
    if (facts.role === "deployer") {
      parts.push("As deployer you have the Art. 26 duties; the provider carries the Arts. 9–17 requirements.");
      if (facts.friaRequired) {
        const why = [
          ...(facts.publicBodyDeployer ? ["you are a public body or a private entity providing public services"] : []),
          ...(facts.highRiskPoints.includes("5(b)") ? ["the system evaluates creditworthiness (Annex III 5(b))"] : []),
          ...(facts.highRiskPoints.includes("5(c)") ? ["the system prices life or health insurance (Annex III 5(c))"] : []),
        ];
        parts.push(`Before first use you must carry out a fundamental rights impact assessment (Art. 27), because ${why.join(" and ")}.`);
      }
    }
    if (facts.role === "importer") {
      parts.push("As importer your high-risk duties are those of Art. 23: check the provider's conformity assessment, documentation, CE marking and declaration before placing the system on the market; the provider carries the Arts. 9–17 requirements.");
    }
    if (facts.role === "distributor") {
      parts.push("As distributor your high-risk duties are those of Art. 24: check the CE marking, declaration and instructions, and that the provider and importer met their obligations; the provider carries the Arts. 9–17 requirements.");
    }
    if (facts.role === "provider" && facts.highRiskPoints.length === 0) {
      parts.push("No EU database registration is listed: Art. 49(1) covers Annex III systems, and this one is high-risk through Annex I only.");
    }
    if (facts.role === "provider" && facts.highRiskPoints.length > 0 && facts.highRiskPoints.every((p) => p === "2")) {
      parts.push("Annex III point 2 systems are registered at national level, not in the EU database (Art. 49(5)).");
    }
  }
  if (facts.role === "importer" || facts.role === "distributor") {
    parts.push(`Art. 4 AI literacy addresses providers and deployers, so it is not listed for you as ${role}.`);
  }
  return parts.join(" ");
}
