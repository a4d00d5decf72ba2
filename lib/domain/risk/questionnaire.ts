import {
  ANNEX_III_AREAS,
  DEROGATION_CONDITION_TEXTS,
  OMNIBUS_INTIMATE_CONTENT_PRACTICE,
  OPERATOR_ROLE_LABELS,
  OPERATOR_ROLES,
  PROHIBITED_PRACTICE_TEXTS,
  TRANSPARENCY_TRIGGER_TEXTS,
  type TAnnexIIIPoint,
  type TDerogationCondition,
  type TOperatorRole,
  type TProhibitedPractice,
  type TTransparencyTrigger,
} from "./act";
import { classificationFacts, RULESET_VERSION, RULESET_VERSIONS, type TRiskAnswers } from "./ruleset";

/*
 * The classification questionnaire as data. Each question binds to one field of the normalised
 * answers (ruleset.ts): a choice, a yes/no, a yes/no that adds one code to a list, or a number.
 * visibleQuestions skips exactly the questions whose answer the evaluation ignores given the
 * other answers (the shared classificationFacts decides both), and says why; a test checks that
 * changing a skipped answer never changes the result.
 *
 * Skip rules:
 * - a prohibited practice: everything up to and including Art. 50 is skipped; the role and the
 *   GPAI questions stay, because a GPAI model's Chapter V duties attach to the model;
 * - Annex I third-party assessment: only for a safety component;
 * - profiling: only with an Annex III point and no Art. 6(1) route; the derogation conditions
 *   also only when the system does not profile (profiling is asked first);
 * - the public-body question (own step, after the derogation): only for a deployer of an
 *   Annex III high-risk system other than point 2 alone;
 * - compute and designation: only for a GPAI model.
 *
 * Each question records the ruleset version in which it last changed (`since`), so a
 * classification answered under an older ruleset can be sent back for review of just those.
 */

export const QUESTIONNAIRE_STEPS = [
  { id: "role", title: "Your role", citation: "Art. 3(3)–(7)", intro: "Who you are for this AI system decides whose duties apply." },
  { id: "art5", title: "Prohibited practices", citation: "Art. 5(1)", intro: "Practices banned in the EU since 2 Feb 2025. Answer yes only if the practice applies after its exceptions." },
  { id: "annex-i", title: "Products under EU safety legislation", citation: "Art. 6(1), Annex I", intro: "AI in products such as machinery, toys, lifts, medical devices, vehicles or aircraft." },
  { id: "annex-iii", title: "High-risk uses", citation: "Art. 6(2), Annex III", intro: "The eight areas of Annex III. Tick every use the system is intended for." },
  { id: "derogation", title: "The Art. 6(3) derogation", citation: "Art. 6(3)", intro: "An Annex III system is not high-risk if it does not materially influence decisions — but never if it profiles people." },
  { id: "fria", title: "Fundamental rights impact assessment", citation: "Art. 27", intro: "Some deployers must assess the impact on fundamental rights before first use." },
  { id: "transparency", title: "Transparency", citation: "Art. 50", intro: "Duties to tell people they deal with AI or AI-generated content." },
  { id: "gpai", title: "General-purpose AI model", citation: "Arts. 51–55", intro: "Models that can perform a wide range of distinct tasks, such as large language models." },
] as const;
export type TStepId = (typeof QUESTIONNAIRE_STEPS)[number]["id"];

type TBooleanAnswerKey = "publicBodyOrPublicService" | "annexISafetyComponent" | "annexIThirdPartyAssessment" | "profiling" | "gpai" | "gpaiDesignatedSystemic";

export type TAnswerBinding =
  | { readonly kind: "choice"; readonly field: "role"; readonly options: readonly { readonly value: TOperatorRole; readonly label: string; readonly help: string }[] }
  | { readonly kind: "boolean"; readonly field: TBooleanAnswerKey }
  | { readonly kind: "member"; readonly field: "prohibitedPractices"; readonly value: TProhibitedPractice }
  | { readonly kind: "member"; readonly field: "annexIIIPoints"; readonly value: TAnnexIIIPoint }
  | { readonly kind: "member"; readonly field: "derogation"; readonly value: TDerogationCondition }
  | { readonly kind: "member"; readonly field: "transparency"; readonly value: TTransparencyTrigger }
  | { readonly kind: "number"; readonly field: "trainingComputeFlops"; readonly unit: "FLOPs" };

export interface TQuestion {
  /** Stable id; the UI and stored review requests refer to it. */
  readonly id: string;
  readonly step: TStepId;
  /** For Annex III: the area the point belongs to, e.g. "5 Access to essential private and public services and benefits". */
  readonly group?: string;
  readonly prompt: string;
  /** Plain-language explanation of what is asked. */
  readonly help: string;
  /** Art. 5: what the practice does not cover; answer yes only outside these limits. */
  readonly exceptions?: string;
  readonly citation: string;
  /** Why the question is asked: what the answer can change. */
  readonly why: string;
  /** The ruleset version in which the question last changed. */
  readonly since: string;
  readonly answer: TAnswerBinding;
}

const since = RULESET_VERSION;

const ROLE_HELP: Record<TOperatorRole, string> = {
  provider: "You develop the system, or have it developed, and place it on the market or put it into service under your own name or trademark (Art. 3(3)).",
  deployer: "You use the system under your authority in a professional activity (Art. 3(4)).",
  importer: "You are established in the EU and place on the market a system bearing the name or trademark of a provider established outside the EU (Art. 3(6)).",
  distributor: "You make the system available on the EU market in the supply chain, other than as its provider or importer (Art. 3(7)).",
};

const roleQuestion: TQuestion = {
  id: "role",
  step: "role",
  prompt: "What is your organisation's role for this AI system?",
  help: "Pick the role you have for this system. If you both build and use it, you are its provider.",
  citation: "Art. 3(3)–(7)",
  why: "The Act assigns duties by role: providers carry the high-risk requirements, deployers the duties of use, importers and distributors duties of verification.",
  since,
  answer: {
    kind: "choice",
    field: "role",
    options: OPERATOR_ROLES.map((value) => ({ value, label: OPERATOR_ROLE_LABELS[value], help: ROLE_HELP[value] })),
  },
};

const ART5_PROMPTS: Record<TProhibitedPractice, { prompt: string; help: string }> = {
  "5(1)(a)": {
    prompt: "Does the system use subliminal, manipulative or deceptive techniques that materially distort people's behaviour and cause, or are likely to cause, significant harm?",
    help: "For example, techniques people cannot perceive, or dark patterns that push people into decisions they would not otherwise take, to their significant harm.",
  },
  "5(1)(b)": {
    prompt: "Does the system exploit people's vulnerabilities due to age, disability or a specific social or economic situation, materially distorting their behaviour with significant harm?",
    help: "For example, targeting children or people in financial distress so that they act against their own interest.",
  },
  "5(1)(c)": {
    prompt: "Does the system score people over time on their social behaviour or personal characteristics, where the score leads to unfavourable treatment in unrelated contexts or out of proportion?",
    help: "Social scoring: for example, refusing a service because of behaviour recorded in an unrelated context.",
  },
  "5(1)(d)": {
    prompt: "Does the system predict that a person will commit a crime based solely on profiling or on their personality traits?",
    help: "Predictive policing of individuals from who they are rather than from facts about what they did.",
  },
  "5(1)(e)": {
    prompt: "Does the system build or expand a facial-recognition database by untargeted scraping of facial images from the internet or CCTV footage?",
    help: "Collecting faces in bulk, without targeting specific persons, to train or populate a recognition database.",
  },
  "5(1)(f)": {
    prompt: "Does the system infer the emotions of people at the workplace or in educational institutions, for reasons other than medical or safety ones?",
    help: "For example, assessing employees' or students' moods from their faces, voices or typing.",
  },
  "5(1)(g)": {
    prompt: "Does the system categorise people from their biometric data to deduce their race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation?",
    help: "Biometric data are, for example, faces, fingerprints, voices or gait.",
  },
  "5(1)(h)": {
    prompt: "Is the system used for real-time remote biometric identification in publicly accessible spaces for law enforcement, outside the narrow exceptions?",
    help: "Live facial recognition of people in public places by or for the police.",
  },
  [OMNIBUS_INTIMATE_CONTENT_PRACTICE]: {
    prompt: "Does the system generate non-consensual sexual or intimate content, or child sexual abuse material?",
    help: "A prohibition added by the 2026 Digital Omnibus on AI (adopted, awaiting Official Journal publication; applies from December 2026).",
  },
};

const art5Questions: TQuestion[] = (Object.keys(ART5_PROMPTS) as TProhibitedPractice[]).map((practice) => {
  const legal = PROHIBITED_PRACTICE_TEXTS[practice];
  return {
    id: practice === OMNIBUS_INTIMATE_CONTENT_PRACTICE ? "art5.omnibus-intimate-content" : `art5.${practice.slice(-2, -1)}`,
    step: "art5",
    prompt: ART5_PROMPTS[practice].prompt,
    help: ART5_PROMPTS[practice].help,
    exceptions: legal.exceptions,
    citation: practice === OMNIBUS_INTIMATE_CONTENT_PRACTICE ? legal.article : `Art. ${practice}`,
    why: "A prohibited practice makes the system unlawful in the EU whatever else is true, so it is screened first. Answer yes only if the practice applies after its exceptions.",
    since,
    answer: { kind: "member", field: "prohibitedPractices", value: practice },
  };
});

const annexIQuestions: TQuestion[] = [
  {
    id: "annexI.safetyComponent",
    step: "annex-i",
    prompt: "Is the system a safety component of a product, or itself a product, covered by the EU legislation listed in Annex I?",
    help: "Annex I Section A: machinery, toys, recreational craft, lifts, equipment for explosive atmospheres (ATEX), radio equipment, pressure equipment, cableways, personal protective equipment, gas appliances, medical devices (MDR) and in-vitro diagnostics (IVDR). Section B: aviation security, two- or three-wheel vehicles, agricultural and forestry vehicles, marine equipment, rail, motor vehicles, civil aviation and drones. A safety component is one whose failure endangers health or safety.",
    citation: "Art. 6(1)(a), Annex I",
    why: "Together with the next question, this decides the first route to high risk (Art. 6(1)).",
    since,
    answer: { kind: "boolean", field: "annexISafetyComponent" },
  },
  {
    id: "annexI.thirdPartyAssessment",
    step: "annex-i",
    prompt: "Does that product need a third-party conformity assessment (by a notified body) under that legislation?",
    help: "Check the conformity assessment procedure of the product's own legislation: does it involve a notified body, rather than the manufacturer's self-assessment?",
    citation: "Art. 6(1)(b)",
    why: "Art. 6(1) makes the system high-risk only when the product also needs third-party conformity assessment.",
    since,
    answer: { kind: "boolean", field: "annexIThirdPartyAssessment" },
  },
];

const annexIIIQuestions: TQuestion[] = ANNEX_III_AREAS.flatMap((area) =>
  area.points.map(
    (p): TQuestion => ({
      id: `annexIII.${p.point}`,
      step: "annex-iii",
      group: `${area.area} ${area.title}`,
      prompt: `Is the system intended to be used for: ${p.text}?`,
      help: `Annex III area ${area.area}, ${area.title}.${area.scope ? ` ${area.scope}` : ""} Answer yes if this is among the system's intended purposes.`,
      citation: `Art. 6(2), Annex III point ${p.point}`,
      why: "Systems intended for an Annex III use are high-risk under Art. 6(2), unless the Art. 6(3) derogation applies.",
      since,
      answer: { kind: "member", field: "annexIIIPoints", value: p.point },
    }),
  ),
);

const DEROGATION_HELP: Record<TDerogationCondition, string> = {
  a: "For example, turning unstructured documents into structured data, or sorting incoming documents into categories.",
  b: "For example, improving the language or tone of a document a person has already written.",
  c: "For example, flagging after the fact that a teacher's grading departs from their usual pattern, for a person to review.",
  d: "For example, indexing, searching, translating or linking files that a person then uses for the Annex III assessment.",
};

const derogationQuestions: TQuestion[] = [
  {
    id: "art6-3.profiling",
    step: "derogation",
    prompt: "Does the system perform profiling of natural persons?",
    help: "Profiling is any automated processing of personal data to evaluate aspects of a person — for example to analyse or predict their work performance, economic situation, health, preferences, interests, reliability, behaviour, location or movements (GDPR Art. 4(4)).",
    citation: "Art. 6(3), third subparagraph",
    why: "An Annex III system that profiles natural persons is always high-risk: the derogation below cannot apply.",
    since,
    answer: { kind: "boolean", field: "profiling" },
  },
  ...(Object.keys(DEROGATION_HELP) as TDerogationCondition[]).map(
    (condition): TQuestion => ({
      id: `art6-3.${condition}`,
      step: "derogation",
      prompt: `Do you rely on this condition: ${DEROGATION_CONDITION_TEXTS[condition].replace(/^The system/, "the system")}?`,
      help: `${DEROGATION_HELP[condition]} Claim it only if the system does not materially influence the outcome of decisions. A provider relying on it must document the assessment (Art. 6(4)) and register the system (Art. 49(2)).`,
      citation: `Art. 6(3)(${condition})`,
      why: "Any one of conditions (a)–(d) takes an Annex III system out of high risk, unless it profiles people.",
      since,
      answer: { kind: "member", field: "derogation", value: condition },
    }),
  ),
];

const friaQuestion: TQuestion = {
  id: "art27.publicBody",
  step: "fria",
  prompt: "Is your organisation a body governed by public law, or a private entity providing public services?",
  help: "Public authorities and agencies, and private organisations providing public services such as education, healthcare, social services, housing or the administration of justice.",
  citation: "Art. 27(1), Art. 26(8), Art. 49(3)",
  why: "Such deployers must carry out a fundamental rights impact assessment before first use (Art. 27), and public authorities must register their use (Art. 26(8)).",
  since,
  answer: { kind: "boolean", field: "publicBodyOrPublicService" },
};

const TRANSPARENCY_PROMPTS: Record<TTransparencyTrigger, { prompt: string; help: string }> = {
  "50(1)": {
    prompt: "Does the system interact directly with people (for example a chatbot or voice assistant)?",
    help: "People must be told they are interacting with AI unless it is obvious. A provider duty; systems authorised by law for criminal investigations are exempt.",
  },
  "50(2)": {
    prompt: "Does the system generate synthetic audio, images, video or text?",
    help: "Outputs must be marked as AI-generated in a machine-readable way. A provider duty; assistive or standard editing that does not substantially alter the input is exempt.",
  },
  "50(3)": {
    prompt: "Is the system used for emotion recognition or biometric categorisation?",
    help: "People exposed to it must be informed. A deployer duty.",
  },
  "50(4)": {
    prompt: "Does the system produce deep fakes, or text published to inform the public on matters of public interest?",
    help: "Such content must be disclosed as AI-generated (for artistic or satirical work, only that it exists; for text, not if a person reviewed and took editorial responsibility). A deployer duty.",
  },
};

const transparencyQuestions: TQuestion[] = (Object.keys(TRANSPARENCY_PROMPTS) as TTransparencyTrigger[]).map((trigger) => ({
  id: `art50.${trigger.slice(3, -1)}`,
  step: "transparency",
  prompt: TRANSPARENCY_PROMPTS[trigger].prompt,
  help: TRANSPARENCY_PROMPTS[trigger].help,
  citation: `Art. ${trigger}`,
  why: `${TRANSPARENCY_TRIGGER_TEXTS[trigger].title} makes the system at least limited-risk, with a transparency duty for its ${TRANSPARENCY_TRIGGER_TEXTS[trigger].dutyOf}.`,
  since,
  answer: { kind: "member", field: "transparency", value: trigger },
}));

const gpaiQuestions: TQuestion[] = [
  {
    id: "gpai.model",
    step: "gpai",
    prompt: "Is the model a general-purpose AI model?",
    help: "A model trained on large amounts of data that displays significant generality and can competently perform a wide range of distinct tasks, and can be integrated into many downstream systems — for example a large language model.",
    citation: "Art. 3(63), Art. 53",
    why: "General-purpose AI models have their own duties (Chapter V), whatever the system's risk tier.",
    since,
    answer: { kind: "boolean", field: "gpai" },
  },
  {
    id: "gpai.computeFlops",
    step: "gpai",
    prompt: "What was the cumulative compute used to train the model, in floating-point operations (FLOPs)? Leave empty if unknown.",
    help: "The total across pre-training and any fine-tuning, for example 3.8e25. More than 10^25 FLOPs presumes high-impact capabilities.",
    citation: "Art. 51(2)",
    why: "Training compute greater than 10^25 FLOPs means systemic risk, with the additional duties of Art. 55.",
    since,
    answer: { kind: "number", field: "trainingComputeFlops", unit: "FLOPs" },
  },
  {
    id: "gpai.designated",
    step: "gpai",
    prompt: "Has the Commission designated the model as a general-purpose AI model with systemic risk?",
    help: "The Commission can designate a model on the Annex XIII criteria (parameters, data, compute, modalities, benchmarks, reach such as at least 10 000 registered business users in the EU) and publishes a list of such models.",
    citation: "Art. 51(1)(b), Annex XIII",
    why: "A designated model has systemic risk whatever its training compute, with the additional duties of Art. 55.",
    since,
    answer: { kind: "boolean", field: "gpaiDesignatedSystemic" },
  },
];

export const QUESTIONS: readonly TQuestion[] = [
  roleQuestion,
  ...art5Questions,
  ...annexIQuestions,
  ...annexIIIQuestions,
  ...derogationQuestions,
  friaQuestion,
  ...transparencyQuestions,
  ...gpaiQuestions,
];

export function questionById(id: string): TQuestion | undefined {
  return QUESTIONS.find((q) => q.id === id);
}

// ---------------------------------------------------------------------------------------------
// Answers ↔ questions

export const DEFAULT_ANSWERS: Omit<TRiskAnswers, "role"> = {
  publicBodyOrPublicService: false,
  prohibitedPractices: [],
  annexISafetyComponent: false,
  annexIThirdPartyAssessment: false,
  annexIIIPoints: [],
  derogation: [],
  profiling: false,
  transparency: [],
  gpai: false,
  trainingComputeFlops: null,
  gpaiDesignatedSystemic: false,
};

export type TQuestionValue = TOperatorRole | boolean | number | null | undefined;

/** The question's current answer: the role, yes/no (for a list code: whether it is in the list), or the number. */
export function answerOf(question: TQuestion, answers: Partial<TRiskAnswers>): TQuestionValue {
  const binding = question.answer;
  switch (binding.kind) {
    case "choice":
      return answers.role;
    case "boolean":
      return answers[binding.field] ?? false;
    case "member":
      return ((answers[binding.field] ?? []) as readonly string[]).includes(binding.value);
    case "number":
      return answers.trainingComputeFlops ?? null;
  }
}

/** The answers with one question answered; list codes keep the Act's order. */
export function withAnswer(answers: Partial<TRiskAnswers>, question: TQuestion, value: TQuestionValue): Partial<TRiskAnswers> {
  const binding = question.answer;
  switch (binding.kind) {
    case "choice":
      return { ...answers, role: value as TOperatorRole };
    case "boolean":
      return { ...answers, [binding.field]: value === true };
    case "number":
      return { ...answers, trainingComputeFlops: typeof value === "number" ? value : null };
    case "member": {
      const current = (answers[binding.field] ?? []) as readonly string[];
      const others = current.filter((v) => v !== binding.value);
      const all = QUESTIONS.flatMap((q) => (q.answer.kind === "member" && q.answer.field === binding.field ? [q.answer.value as string] : []));
      const next = value === true ? all.filter((v) => others.includes(v) || v === binding.value) : others;
      return { ...answers, [binding.field]: next };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Which questions can still change the result

export interface TSkippedQuestion {
  readonly question: TQuestion;
  readonly reason: string;
}

export interface TQuestionVisibility {
  readonly visible: TQuestion[];
  readonly skipped: TSkippedQuestion[];
}

const SKIP = {
  prohibited:
    "A prohibited practice applies (Art. 5): nothing else can make the system lawful, so this answer cannot change the result.",
  thirdPartyWithoutSafetyComponent:
    "Only asked for a safety component of an Annex I product: Art. 6(1) needs both conditions.",
  noAnnexIII: "Only asked when an Annex III use applies: Art. 6(3) derogates from Art. 6(2) only.",
  annexIRoute:
    "The system is already high-risk under Art. 6(1); the Art. 6(3) derogation only derogates from Art. 6(2), so this answer cannot change the result.",
  profiling:
    "The system profiles natural persons, so it is always high-risk (Art. 6(3), third subparagraph): the derogation conditions cannot apply.",
  notDeployer: "Only asked of deployers: the fundamental rights impact assessment (Art. 27) and the registration of use (Art. 26(8)) are deployer duties.",
  notAnnexIIIHighRisk:
    "Only asked when the system is high-risk under Annex III (other than point 2 alone): Art. 27 and Art. 26(8) apply to those systems only.",
  notGpai: "Only asked for a general-purpose AI model (Art. 51).",
} as const;

/**
 * Which questions can change the result given the answers so far, and for each skipped one why
 * not. Missing answers count as "no"; a missing role skips the deployer-only question.
 */
export function visibleQuestions(answers: Partial<TRiskAnswers>): TQuestionVisibility {
  const full: TRiskAnswers = { ...DEFAULT_ANSWERS, role: "provider", ...answers } as TRiskAnswers;
  const facts = classificationFacts(full);
  const prohibited = facts.prohibited.length > 0;

  const skipReason = (question: TQuestion): string | null => {
    const step = question.step;
    if (step === "role" || step === "art5") return null;
    if (step === "gpai") return question.id === "gpai.model" || full.gpai ? null : SKIP.notGpai;
    if (prohibited) return SKIP.prohibited;
    if (question.id === "annexI.thirdPartyAssessment" && !full.annexISafetyComponent) return SKIP.thirdPartyWithoutSafetyComponent;
    if (step === "derogation") {
      if (full.annexIIIPoints.length === 0) return SKIP.noAnnexIII;
      if (facts.annexIRoute) return SKIP.annexIRoute;
      if (question.id !== "art6-3.profiling" && full.profiling) return SKIP.profiling;
    }
    if (step === "fria") {
      if (answers.role !== "deployer") return SKIP.notDeployer;
      if (!facts.publicBodyAssessed) return SKIP.notAnnexIIIHighRisk;
    }
    return null;
  };

  const visible: TQuestion[] = [];
  const skipped: TSkippedQuestion[] = [];
  for (const question of QUESTIONS) {
    const reason = skipReason(question);
    if (reason === null) visible.push(question);
    else skipped.push({ question, reason });
  }
  return { visible, skipped };
}

// ---------------------------------------------------------------------------------------------
// Ruleset changes

/**
 * The questions that changed after the ruleset version an earlier classification was answered
 * under, for the UI to ask the user to review. An unknown version gets every question, since
 * what changed cannot be told; the current version gets none.
 */
export function changedQuestionsSince(version: string): TQuestion[] {
  const from = RULESET_VERSIONS.indexOf(version);
  if (from === -1) return [...QUESTIONS];
  return QUESTIONS.filter((q) => RULESET_VERSIONS.indexOf(q.since) > from);
}

/** Whether answers given under `version` must be reviewed before they are evaluated again. */
export function isStaleRulesetVersion(version: string): boolean {
  return version !== RULESET_VERSION;
}
