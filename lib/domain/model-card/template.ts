/**
 * The model card, defined once. Everything else is derived from this template: the zod schema
 * (schema.ts), completeness per risk tier (completeness.ts), diffs (diff.ts), the editor's form
 * and the Hugging Face and CycloneDX interchange. Section and field keys are the API contract
 * (GET/PUT …/card): renaming one is a breaking change.
 *
 * The structure follows Mitchell et al., "Model Cards for Model Reporting" (2019), extended
 * with what the EU AI Act asks of high-risk systems: Art. 10 data governance, Art. 12 logging,
 * Art. 13 instructions for use, Art. 14 human oversight, Art. 15 accuracy, robustness and
 * cybersecurity, Art. 72 post-market monitoring and the Annex IV technical documentation.
 */

export const RISK_TIERS = ["prohibited", "high", "limited", "minimal"] as const;
export type TRiskTier = (typeof RISK_TIERS)[number];

/** text: one short line · longtext: paragraphs · list: short one-line items · url: http(s) only. */
export const FIELD_TYPES = ["text", "longtext", "list", "url", "email", "date"] as const;
export type TFieldType = (typeof FIELD_TYPES)[number];

export interface TCardField {
  readonly key: string;
  readonly label: string;
  /** Tells a data scientist what to write; cites the article the answer serves. */
  readonly help: string;
  readonly type: TFieldType;
  /** Characters per value; for a list, per item. */
  readonly maxLength: number;
  readonly requiredFor: readonly TRiskTier[];
}

export interface TCardSection {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /** The EU AI Act articles and Annex IV points this section serves. */
  readonly articles: readonly string[];
  readonly fields: readonly TCardField[];
}

export const MAX_LIST_ITEMS = 50;
const MAX_LENGTH: Record<TFieldType, number> = { text: 200, longtext: 10_000, list: 200, url: 2_000, email: 254, date: 10 };

// Who must fill a field. A prohibited model is documented like a high-risk one: the record is
// the evidence of why it may not be placed on the market. Unclassified models use HIGH too.
const EVERY_TIER = ["prohibited", "high", "limited", "minimal"] as const;
const LIMITED_AND_ABOVE = ["prohibited", "high", "limited"] as const;
const HIGH = ["prohibited", "high"] as const;
const LIMITED_ONLY = ["limited"] as const;
const OPTIONAL = [] as const;

function field<const K extends string, const T extends TFieldType, const R extends readonly TRiskTier[]>(
  key: K,
  type: T,
  label: string,
  requiredFor: R,
  help: string,
  maxLength: number = MAX_LENGTH[type],
) {
  return { key, type, label, requiredFor, help, maxLength };
}

/** Art. 10 applies to training, validation and test data alike, so both data sections ask the same. */
function dataGovernanceFields(data: "training" | "validation and test") {
  return [
    field("sources", "longtext", "Datasets and sources", HIGH,
      `Name each ${data} dataset, its version and where it lives (DVC path, lakehouse table, MLflow run), with its size and time span. Annex IV 2(d).`),
    field("provenance", "longtext", "Provenance and original purpose", HIGH,
      `Where the ${data} data comes from, who collected it and, for personal data, the purpose it was originally collected for. Art. 10(2)(b).`),
    field("collectionAndLabelling", "longtext", "Collection and labelling", HIGH,
      `How the ${data} data was obtained and selected, and how labels were produced (who labelled, guidelines, agreement checks). Art. 10(2)(b)–(c), Annex IV 2(d).`),
    field("preprocessing", "longtext", "Preprocessing and cleaning", HIGH,
      `Cleaning, outlier handling, imputation, enrichment and aggregation applied to the ${data} data, and the assumptions behind them. Art. 10(2)(c)–(d).`),
    field("representativeness", "longtext", "Representativeness", HIGH,
      `Whether the ${data} data is relevant and sufficiently representative of the people and settings of the intended use (geography, context, behaviour), with group statistics. Art. 10(3)–(4).`),
    field("knownGapsAndBiases", "longtext", "Known gaps and biases", HIGH,
      `Biases examined for, what was found, how it was mitigated, and the data gaps that remain and how they are addressed. Art. 10(2)(f)–(h).`),
    field("specialCategoryData", "longtext", "Special categories of personal data", OPTIONAL,
      `Only if special-category data (e.g. ethnicity, health) is processed to detect or correct bias: why it is strictly necessary and the safeguards (pseudonymisation, access control, deletion). Art. 10(5).`),
  ] as const;
}

export const MODEL_CARD_TEMPLATE = [
  {
    key: "modelDetails",
    title: "Model details",
    description: "What the model is, who provides it and which version this card describes.",
    articles: ["Art. 11", "Art. 13(3)(a)", "Annex IV 1(a)", "Annex IV 2(b)", "Annex IV 2(c)", "Annex IV 6"],
    fields: [
      field("name", "text", "Model name", EVERY_TIER, "The name people in the organisation know the model by."),
      field("description", "longtext", "Model description", LIMITED_AND_ABOVE,
        "Two or three sentences: what the model predicts or generates, from what input, and for whom."),
      field("provider", "text", "Developer / provider", EVERY_TIER,
        "The legal entity that develops the model and places it on the market or puts it into service, with the team. Art. 13(3)(a), Art. 16(b)."),
      field("version", "text", "Version", EVERY_TIER, "The version this card describes, as in the model registry (e.g. 3.2.0).", 100),
      field("releaseDate", "date", "Date", HIGH, "The date this version was trained or released (YYYY-MM-DD)."),
      field("modelType", "text", "Model type", LIMITED_AND_ABOVE,
        "Learning approach and task in plain words, e.g. \"supervised binary classification\". Name the approach (supervised, unsupervised, semi-supervised, self-supervised, reinforcement learning) so exports can classify it."),
      field("task", "text", "Task", OPTIONAL,
        "The machine-learning task as a short identifier, preferably a Hugging Face task name such as tabular-classification or text-generation.", 100),
      field("architectureFamily", "text", "Architecture family", HIGH,
        "The family of the model, e.g. gradient-boosted decision trees, logistic regression, transformer, convolutional network."),
      field("architecture", "longtext", "Architecture", HIGH,
        "The design: algorithm, main components and how they feed each other, key design choices and trade-offs, what the model optimises for, and any pre-trained or third-party models used. Annex IV 2(a)–(c)."),
      field("inputs", "list", "Inputs", HIGH, "One item per input the model takes, with its format, e.g. \"tabular: 42 applicant features\". Annex IV 3."),
      field("outputs", "list", "Outputs", HIGH, "One item per output, with its format and range, e.g. \"probability of default, 0–1\". Annex IV 2(b)."),
      field("license", "text", "Licence", OPTIONAL, "An SPDX identifier (e.g. apache-2.0) or the name of the licence, e.g. \"Proprietary, internal use only\"."),
      field("contact", "email", "Contact", EVERY_TIER, "An email address that reaches the team responsible for the model (a team mailbox outlives people). Art. 13(3)(a)."),
      field("documentationUrl", "url", "More information", OPTIONAL, "A link (https://…) to further documentation, a paper or the repository."),
      field("citation", "longtext", "Citation", OPTIONAL, "How to cite the model, e.g. a BibTeX entry.", 2_000),
      field("changesFromPreviousVersion", "longtext", "Changes since the previous version", HIGH,
        "What changed since the previous version and why (data, features, thresholds); write \"First version\" if there is none. Annex IV 1(a), 6."),
    ],
  },
  {
    key: "intendedUse",
    title: "Intended use",
    description: "What the model is for, who uses it, and what it must not be used for.",
    articles: ["Art. 13(3)(b)(i)", "Art. 9(2)(b)", "Annex IV 1(a)", "Annex IV 1(b)", "Annex IV 1(d)"],
    fields: [
      field("primaryUses", "longtext", "Primary intended uses", EVERY_TIER,
        "The intended purpose: the decision or task the model supports, in which process, and what happens with its output. Art. 13(3)(b)(i)."),
      field("primaryUsers", "list", "Primary intended users", LIMITED_AND_ABOVE, "One item per group of users, e.g. \"credit analysts in retail lending\"."),
      field("outOfScopeUses", "longtext", "Out-of-scope uses", LIMITED_AND_ABOVE,
        "Uses the model is not designed or validated for, including reasonably foreseeable misuse, and why. Art. 9(2)(b), Art. 13(3)(b)(iii)."),
      field("deploymentContext", "longtext", "Deployment context", HIGH,
        "Where and how the model runs: the systems it interacts with, how it is delivered (batch job, API, embedded) and the user interface around it. Annex IV 1(b), 1(d), 1(g)."),
    ],
  },
  {
    key: "factors",
    title: "Factors",
    description: "The groups, instruments and environments that can change how the model performs.",
    articles: ["Art. 9(9)", "Art. 10(4)", "Annex IV 2(b)", "Annex IV 3"],
    fields: [
      field("relevantGroups", "list", "Relevant groups", HIGH,
        "One item per group for which performance may differ, e.g. \"age under 25\", \"applicants without credit history\"; include minors and other vulnerable groups. Art. 9(9)."),
      field("instrumentation", "longtext", "Instrumentation", OPTIONAL, "Devices or capture conditions that affect the input (cameras, sensors, forms), if any."),
      field("environments", "longtext", "Environments", HIGH,
        "The geographical, contextual, behavioural and functional settings the model is meant for, and those it was not tested in. Art. 10(4)."),
    ],
  },
  {
    key: "metrics",
    title: "Metrics",
    description: "How performance is measured, at which thresholds, and why those measures fit.",
    articles: ["Art. 9(8)", "Art. 15(3)", "Annex IV 2(g)", "Annex IV 4"],
    fields: [
      field("performanceMeasures", "list", "Performance measures", HIGH, "One item per measure, e.g. \"ROC AUC\", \"recall at 5% false-positive rate\". Annex IV 2(g)."),
      field("whyTheseMeasures", "longtext", "Why these measures", HIGH,
        "Why these measures are appropriate for the intended purpose and the cost of each kind of error. Annex IV 4."),
      field("decisionThresholds", "longtext", "Decision thresholds", HIGH,
        "The thresholds applied to the output, how they were chosen and who may change them. Art. 9(8)."),
      field("variationApproaches", "longtext", "Variation approaches", HIGH,
        "How uncertainty in the measures was estimated: confidence intervals, bootstrap, cross-validation, repeated runs."),
    ],
  },
  {
    key: "trainingData",
    title: "Training data",
    description: "The data the model learned from and how it was governed.",
    articles: ["Art. 10", "Annex IV 2(d)"],
    fields: dataGovernanceFields("training"),
  },
  {
    key: "evaluationData",
    title: "Evaluation data",
    description: "The validation and test data the model was measured on and how it was governed.",
    articles: ["Art. 10", "Annex IV 2(g)"],
    fields: dataGovernanceFields("validation and test"),
  },
  {
    key: "quantitativeAnalyses",
    title: "Quantitative analyses",
    description: "What the evaluations showed, overall and per group. Uploaded evaluations are linked beside this text.",
    articles: ["Art. 15(3)", "Annex IV 2(g)", "Annex IV 3"],
    fields: [
      field("summary", "longtext", "Summary", HIGH,
        "The results that matter: overall performance, results per group and intersection, potentially discriminatory impacts found and what was done. Evaluations uploaded in Attest are linked automatically. Annex IV 2(g), 3."),
    ],
  },
  {
    key: "ethicalConsiderations",
    title: "Ethical considerations",
    description: "Risks to health, safety and fundamental rights, and how they are addressed.",
    articles: ["Art. 9(2)(a)", "Art. 9(5)", "Annex IV 3", "Annex IV 5"],
    fields: [
      field("risks", "longtext", "Risks to health, safety and fundamental rights", HIGH,
        "The known and foreseeable risks under intended use and foreseeable misuse: to whom, how likely, how severe (discrimination, privacy, safety). Art. 9(2)(a)–(b)."),
      field("mitigations", "longtext", "Mitigations", HIGH,
        "What is done about each risk, in the Act's order: eliminate by design, then controls, then information and training; and why the residual risk is acceptable. Art. 9(5)."),
    ],
  },
  {
    key: "caveatsAndRecommendations",
    title: "Caveats and recommendations",
    description: "Known limitations and advice for anyone relying on the model.",
    articles: ["Art. 13(3)(b)(ii)", "Art. 13(3)(b)(iii)", "Annex IV 3"],
    fields: [
      field("knownLimitations", "longtext", "Known limitations", LIMITED_AND_ABOVE,
        "Situations in which the model is known to perform worse or fail, and inputs it should not be given. Art. 13(3)(b)(ii)–(iii)."),
      field("recommendations", "longtext", "Recommendations", HIGH, "Practical advice for users and deployers: checks to make, situations that need a human decision."),
    ],
  },
  {
    key: "humanOversight",
    title: "Human oversight",
    description: "How people oversee the model, understand its output and can override or stop it.",
    articles: ["Art. 14", "Art. 13(3)(d)", "Annex IV 2(e)", "Annex IV 3"],
    fields: [
      field("oversightMeasures", "longtext", "Oversight measures", HIGH,
        "The measures built into the system and those assigned to the deployer so people can monitor it and spot anomalies. Art. 14(3)–(4)(a)."),
      field("overrideAndStop", "longtext", "Override and stop", HIGH,
        "Who may disregard, override or reverse an output, and who can stop the system and how (the \"stop button\" or equivalent procedure). Art. 14(4)(d)–(e)."),
      field("interpretationAids", "longtext", "Interpretation aids", HIGH,
        "Tools that help overseers read the output correctly: explanations, reason codes, confidence displays. Art. 14(4)(c), Art. 13(3)(b)(iv)."),
      field("automationBiasMitigation", "longtext", "Automation-bias mitigation", HIGH,
        "How overseers are kept from over-relying on the output: training, review sampling, interface design. Art. 14(4)(b)."),
    ],
  },
  {
    key: "accuracyRobustnessCybersecurity",
    title: "Accuracy, robustness and cybersecurity",
    description: "The declared levels of accuracy, robustness and security, and how they are kept over the lifecycle.",
    articles: ["Art. 15", "Art. 13(3)(b)(ii)", "Annex IV 2(h)"],
    fields: [
      field("declaredAccuracy", "longtext", "Declared accuracy", HIGH,
        "The accuracy levels and metrics declared to deployers, and the circumstances known to affect them. Art. 15(3), Art. 13(3)(b)(ii)."),
      field("robustness", "longtext", "Robustness and fail-safe measures", HIGH,
        "Resilience to errors, faults and inconsistent input: tests run, redundancy, fallbacks, what happens when the model is unavailable. Art. 15(4)."),
      field("feedbackLoops", "longtext", "Feedback loops", OPTIONAL,
        "Only if the model keeps learning after deployment: how biased feedback loops are prevented. Art. 15(4)."),
      field("cybersecurity", "longtext", "Cybersecurity measures", HIGH,
        "Protection against data and model poisoning, adversarial examples, model evasion and confidentiality attacks; access control to the model and its data. Art. 15(5), Annex IV 2(h)."),
    ],
  },
  {
    key: "logging",
    title: "Logging and record-keeping",
    description: "What the system records automatically and how deployers collect and keep those logs.",
    articles: ["Art. 12", "Art. 13(3)(f)", "Art. 19"],
    fields: [
      field("loggedEvents", "longtext", "Logged events", HIGH,
        "The events recorded automatically over the system's lifetime (inputs, outputs, model version, overrides) and how they help find risks and substantial modifications. Art. 12(2)."),
      field("collectionMechanism", "longtext", "Log collection", HIGH, "How deployers collect, store and read the logs. Art. 13(3)(f)."),
      field("retention", "longtext", "Retention and access", HIGH,
        "How long logs are kept (at least six months, Art. 19 and Art. 26(6)), where, and who may access them."),
    ],
  },
  {
    key: "postMarketMonitoring",
    title: "Post-market monitoring",
    description: "How performance and compliance are watched once the model is in service.",
    articles: ["Art. 72", "Art. 73", "Annex IV 9"],
    fields: [
      field("monitoringPlan", "longtext", "Monitoring plan", HIGH,
        "How data on performance in service is collected and analysed, by whom, and what triggers retraining or withdrawal. Art. 72, Annex IV 9."),
      field("monitoredMetrics", "list", "Monitored metrics", HIGH, "One item per metric watched in production, with its alert threshold, e.g. \"PSI of score > 0.2\"."),
      field("reviewFrequency", "text", "Review frequency", HIGH, "How often the monitoring results are reviewed, e.g. \"monthly\"."),
      field("incidentReporting", "longtext", "Serious incident reporting", HIGH,
        "How serious incidents are detected, escalated and reported to the market surveillance authority, and by whom. Art. 73."),
    ],
  },
  {
    key: "requirements",
    title: "Hardware and software requirements",
    description: "What the model needs to run, how long it is expected to live and how it is maintained.",
    articles: ["Art. 13(3)(e)", "Annex IV 1(b)", "Annex IV 1(c)", "Annex IV 1(e)", "Annex IV 2(c)"],
    fields: [
      field("computeRequirements", "longtext", "Compute and hardware", HIGH,
        "The hardware the model runs on and the compute it needs in service, plus the compute used to train and test it. Art. 13(3)(e), Annex IV 1(e), 2(c)."),
      field("softwareDependencies", "list", "Software dependencies", HIGH, "One item per runtime dependency with its version, e.g. \"xgboost 2.1.1\". Annex IV 1(c)."),
      field("expectedLifetime", "text", "Expected lifetime", HIGH, "How long this version is expected to stay in service, e.g. \"24 months\". Art. 13(3)(e)."),
      field("maintenance", "longtext", "Maintenance and updates", HIGH, "The maintenance and care measures, how often updates are expected and how they are rolled out. Art. 13(3)(e)."),
      field("environmentalImpact", "longtext", "Energy use and environmental impact", OPTIONAL,
        "Energy used for training and inference where known (kWh, hardware hours, region)."),
    ],
  },
  {
    key: "deployerInstructions",
    title: "Instructions for deployers",
    description: "What a deployer needs to use the model correctly.",
    articles: ["Art. 13", "Art. 50", "Annex IV 1(g)", "Annex IV 1(h)", "Annex IV 2(f)"],
    fields: [
      field("instructionsForUse", "longtext", "Instructions for use", HIGH,
        "Step by step, how a deployer operates the model within the intended purpose, and the obligations it keeps (oversight, monitoring, logs). Art. 13(2)."),
      field("inputDataSpecification", "longtext", "Input data specification", HIGH,
        "What input the model expects: fields, formats, ranges, quality, and what to do with missing values. Art. 13(3)(b)(vi)."),
      field("outputInterpretation", "longtext", "Interpreting the output", HIGH,
        "What the output means and how to act on it; what a score does and does not say. Art. 13(3)(b)(vii)."),
      field("predeterminedChanges", "longtext", "Pre-determined changes", HIGH,
        "Changes to the model and its performance planned in advance (e.g. scheduled retraining) and how compliance is kept; write \"None planned\" if none. Art. 13(3)(c), Annex IV 2(f)."),
      field("userInterface", "longtext", "User interface", OPTIONAL, "A short description of the interface the deployer or its staff use. Annex IV 1(g)."),
      field("transparencyNotice", "longtext", "Transparency notice", LIMITED_ONLY,
        "How people are told they are interacting with an AI system, or that content was generated or manipulated by AI, and the wording used. Art. 50."),
    ],
  },
  {
    key: "conformity",
    title: "Standards and declaration of conformity",
    description: "The standards applied and what the EU declaration of conformity states. Optional here: the technical documentation prints “Not provided” for what is missing.",
    articles: ["Art. 40", "Art. 41", "Art. 43", "Art. 47", "Annex IV 7", "Annex IV 8", "Annex V"],
    fields: [
      field("harmonisedStandards", "list", "Harmonised standards and common specifications applied", OPTIONAL,
        "One item per standard: its reference, a dash and its title; end with “(in part)” if applied only in part, e.g. “EN ISO/IEC 23894:2024 — AI risk management (in part)”. Art. 40–41, Annex IV 7."),
      field("otherSpecifications", "list", "Other standards and technical specifications", OPTIONAL,
        "Other standards or specifications applied, in the same form, e.g. “ISO/IEC 42001:2023 — AI management system”. Annex IV 7."),
      field("assessmentProcedure", "text", "Conformity assessment procedure", OPTIONAL,
        "“Internal control (Annex VI)” or “Quality management system and technical documentation assessed by a notified body (Annex VII)”. Art. 43."),
      field("notifiedBodyName", "text", "Notified body", OPTIONAL, "Only with the Annex VII procedure: the notified body's name. Annex V 7."),
      field("notifiedBodyNumber", "text", "Notified body number", OPTIONAL, "Its four-digit identification number, e.g. “0123”. Annex V 7.", 20),
      field("certificate", "text", "Certificate", OPTIONAL, "The identification number of the certificate the notified body issued. Annex V 7.", 100),
      field("providerAddress", "longtext", "Provider's address", OPTIONAL,
        "The provider's registered address (the provider's name is under Model details). Annex V 2.", 1_000),
      field("authorisedRepresentative", "longtext", "Authorised representative", OPTIONAL,
        "For a provider established outside the Union: the authorised representative's name and address. Art. 22, Annex V 2.", 1_000),
      field("dataProtectionStatement", "longtext", "Data protection statement", OPTIONAL,
        "If the system processes personal data: the statement that it complies with Regulations (EU) 2016/679 and 2018/1725 and Directive (EU) 2016/680. Annex V 5.", 2_000),
      field("declarationPlace", "text", "Place of the declaration", OPTIONAL, "Where the declaration is signed, e.g. “Paris”. Annex V 8.", 100),
      field("declarationDate", "date", "Date of the declaration", OPTIONAL, "The date the declaration is signed (YYYY-MM-DD). Annex V 8."),
      field("signatoryName", "text", "Signatory", OPTIONAL, "The name of the person who signs the declaration for the provider. Annex V 8."),
      field("signatoryFunction", "text", "Signatory's function", OPTIONAL, "Their function, e.g. “Chief Risk Officer”. Annex V 8."),
    ],
  },
  {
    key: "additionalInformation",
    title: "Additional information",
    description: "Anything else, including whatever an imported card had that no field above holds.",
    articles: [],
    fields: [
      // Never required: it is where an import keeps what it could not map, so nothing is dropped.
      field("notes", "longtext", "Notes", OPTIONAL, "Anything worth recording that has no field above. Imported content that could not be mapped is kept here.", 100_000),
    ],
  },
] as const satisfies readonly TCardSection[];

type TTemplate = typeof MODEL_CARD_TEMPLATE;
export type TSectionKey = TTemplate[number]["key"];
type TFieldValue<F extends TCardField> = F["type"] extends "list" ? string[] : string;
type TSectionContent<S extends TCardSection> = { [F in S["fields"][number] as F["key"]]?: TFieldValue<F> };

/** A validated card: every section present, empty fields absent. */
export type TModelCard = { [S in TTemplate[number] as S["key"]]: TSectionContent<S> };
export type TModelCardValue = string | string[];

export const SECTION_KEYS: readonly TSectionKey[] = MODEL_CARD_TEMPLATE.map((s) => s.key);

export function sectionOf(key: string): TCardSection | undefined {
  return (MODEL_CARD_TEMPLATE as readonly TCardSection[]).find((s) => s.key === key);
}

/** The DOM id of a field in the card editor; completeness links to it. */
export function fieldAnchor(section: string, field: string): string {
  return `field-${section}-${field}`;
}

export function isRequired(field: TCardField, tier: TRiskTier | null): boolean {
  // Unclassified models are held to the high-risk requirements so nothing is under-documented.
  return field.requiredFor.includes(tier ?? "high");
}
