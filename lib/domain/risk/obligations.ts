import {
  DEROGATION_CONDITION_TEXTS,
  type TAnnexIIIPoint,
  type TDerogationCondition,
  type TTransparencyTrigger,
} from "./act";
import { formatLegalDate, keyDate, rulesetDate } from "./dates";

/*
 * What each obligation asks, as a short checklist (3–8 concrete items) paraphrasing the Act.
 * Items that only concern some systems (remote biometric identification, Annex I products,
 * public authorities …) are included only for them. Arts. 23 and 24 (importers, distributors)
 * follow the Act's text directly; the other checklists follow the Attest reference summary.
 */

/** Every article an obligation can carry, in the Act's order; one entry per article in a result. */
export const OBLIGATION_ARTICLES = [
  "Art. 4",
  "Art. 5",
  "Art. 6(4)",
  "Art. 9",
  "Art. 10",
  "Art. 11",
  "Art. 12",
  "Art. 13",
  "Art. 14",
  "Art. 15",
  "Art. 17",
  "Art. 23",
  "Art. 24",
  "Art. 26",
  "Art. 27",
  "Art. 43",
  "Art. 47",
  "Art. 49(1)",
  "Art. 49(2)",
  "Art. 49(5)",
  "Art. 50",
  "Art. 53",
  "Art. 55",
  "Art. 72",
  "Art. 73",
] as const;
export type TObligationArticle = (typeof OBLIGATION_ARTICLES)[number];

export const OBLIGATION_TITLES: Record<TObligationArticle, string> = {
  "Art. 4": "AI literacy",
  "Art. 5": "Prohibited AI practice: do not place on the market, put into service or use",
  "Art. 6(4)": "Document the assessment that the Annex III system is not high-risk",
  "Art. 9": "Risk management system",
  "Art. 10": "Data and data governance",
  "Art. 11": "Technical documentation (Annex IV)",
  "Art. 12": "Record-keeping (automatic logs)",
  "Art. 13": "Transparency and instructions for use",
  "Art. 14": "Human oversight",
  "Art. 15": "Accuracy, robustness and cybersecurity",
  "Art. 17": "Quality management system",
  "Art. 23": "Obligations of importers of high-risk AI systems",
  "Art. 24": "Obligations of distributors of high-risk AI systems",
  "Art. 26": "Obligations of deployers of high-risk AI systems",
  "Art. 27": "Fundamental rights impact assessment",
  "Art. 43": "Conformity assessment",
  "Art. 47": "EU declaration of conformity (Annex V) and CE marking",
  "Art. 49(1)": "Registration of the high-risk system in the EU database (Annex VIII Section A)",
  "Art. 49(2)": "Registration of the Art. 6(3) not-high-risk system in the EU database (Annex VIII Section B)",
  "Art. 49(5)": "National registration of the critical-infrastructure system (Annex III point 2)",
  "Art. 50": "Transparency obligations for certain AI systems",
  "Art. 53": "Obligations of providers of general-purpose AI models",
  "Art. 55": "Obligations of providers of general-purpose AI models with systemic risk",
  "Art. 72": "Post-market monitoring",
  "Art. 73": "Reporting of serious incidents",
};

/** What a checklist may depend on; computed by the ruleset from the answers. */
export interface TChecklistContext {
  /** Annex III points that make the system high-risk (or, for Art. 6(4)/49(2), that were derogated). */
  readonly annexIIIPoints: readonly TAnnexIIIPoint[];
  /** High-risk through Art. 6(1): an Annex I product or safety component. */
  readonly annexIRoute: boolean;
  /** A deployer that is a public body or provides public services, of an Annex III system (Art. 26(8), 49(3)). */
  readonly publicBodyDeployer: boolean;
  /** The Art. 50 paragraphs whose duty falls on this operator. */
  readonly transparencyDuties: readonly TTransparencyTrigger[];
  readonly derogation: readonly TDerogationCondition[];
  readonly gpaiComputeAboveThreshold: boolean;
  readonly gpaiDesignated: boolean;
  readonly gpaiSystemicRisk: boolean;
}

/** "systems placed on the market before 2 Aug 2026 have until 2 Dec 2026 (2026 omnibus, adopted, awaiting …)" */
function legacyMarkingGrace(): string {
  const grace = rulesetDate("transparency-marking-legacy");
  const general = keyDate("transparency").act.date ?? grace.actDate ?? "";
  return `systems placed on the market before ${formatLegalDate(general)} have until ${formatLegalDate(grace.date)} (2026 omnibus, ${grace.status})`;
}

const when = (condition: boolean, ...items: string[]) => (condition ? items : []);
const inArea = (points: readonly TAnnexIIIPoint[], ...areas: string[]) =>
  points.some((p) => areas.some((area) => p === area || p.startsWith(`${area}(`)));

export const CHECKLISTS: Record<TObligationArticle, (ctx: TChecklistContext) => string[]> = {
  "Art. 4": () => [
    "Identify the staff and other persons who operate or use AI systems on your behalf.",
    "Give them a sufficient level of AI literacy, taking into account their technical knowledge, experience, education and training.",
    "Take into account the context the systems are used in and the persons or groups they are used on.",
    "Record the literacy measures taken (training, materials, who attended).",
  ],
  "Art. 5": () => [
    "Do not place the system on the market, put it into service or use it for the prohibited practice.",
    "If it is already on the market or in use, withdraw it and stop the use.",
    "Record the screening answers, who confirmed them and the decision taken.",
    "Before any reclassification, remove the practice or re-scope the system within the practice's exceptions, and screen it again.",
    "Know the penalty: up to €35M or 7% of worldwide annual turnover, whichever is higher (Art. 99(3)).",
  ],
  "Art. 6(4)": (ctx) => [
    "Before placing it on the market or putting it into service, document why the system does not pose a significant risk of harm to health, safety or fundamental rights (Art. 6(3)).",
    `Record the Art. 6(3) condition(s) relied on: ${ctx.derogation.map((c) => `(${c}) ${DEROGATION_CONDITION_TEXTS[c].replace(/^The system /, "")}`).join("; ")}.`,
    "Record that the system does not perform profiling of natural persons.",
    "Give the documentation to the national competent authorities on request.",
    "Register the system in the EU database under Art. 49(2) before placing it on the market.",
    "Re-assess whenever the intended purpose or the deployment context changes.",
  ],
  "Art. 9": () => [
    "Establish, implement, document and maintain the risk management system as a \"continuous iterative process\" over the whole lifecycle.",
    "Identify and analyse the known and foreseeable risks to health, safety and fundamental rights, and estimate them under intended use and \"reasonably foreseeable misuse\" (9(2)(a)–(b)).",
    "Evaluate the risks emerging from post-market monitoring data (Art. 72) and adopt targeted measures (9(2)(c)–(d)).",
    "Judge the residual risk \"acceptable\", applying measures in order: eliminate by design, then mitigation and controls, then information (Art. 13) and deployer training (9(5)).",
    "Test against \"prior defined metrics and probabilistic thresholds\" before placing on the market (9(6)–(8)).",
    "Consider the impact on people under 18 and other vulnerable groups (9(9)).",
  ],
  "Art. 10": () => [
    "Document the data governance practices: design choices, collection processes and data origin, the original purpose of personal data, preparation (annotation, labelling, cleaning, enrichment) and assumptions (10(2)(a)–(d)).",
    "Assess the availability, quantity and suitability of the data sets (10(2)(e)).",
    "Examine the data for possible biases and take measures to detect, prevent and mitigate them (10(2)(f)–(g)).",
    "Identify data gaps or shortcomings and how they are addressed (10(2)(h)).",
    "Make training, validation and test data \"relevant, sufficiently representative, and to the best extent possible, free of errors and complete\", with appropriate statistical properties for each group (10(3)).",
    "Take into account the geographical, contextual, behavioural and functional setting of use (10(4)).",
    "Process special categories of personal data only where strictly necessary for bias correction, under the safeguards of 10(5)(a)–(f).",
  ],
  "Art. 11": (ctx) => [
    "Draw up the technical documentation before placing on the market or putting into service, and keep it up to date.",
    "Cover at least the Annex IV content: general description, development process, monitoring and control, choice of metrics, risk management system, changes, standards applied, declaration of conformity and post-market monitoring plan.",
    "Keep it for 10 years after placing on the market (Art. 18).",
    "As an SME, you may use the Commission's simplified form.",
    ...when(ctx.annexIRoute, "For a product under Annex I Section A legislation, keep a single set of technical documentation."),
  ],
  "Art. 12": (ctx) => [
    "Enable automatic recording of events (logs) over the system's lifetime.",
    "Make the logs identify situations that may present a risk or lead to a substantial modification (12(2)(a)).",
    "Make the logs support post-market monitoring (Art. 72) and the deployers' monitoring (Art. 26(5)) (12(2)(b)–(c)).",
    "Keep the logs under your control for at least six months (Art. 19).",
    ...when(
      ctx.annexIIIPoints.includes("1(a)"),
      "Remote biometric identification: record the start and end of each use, the reference database, the input data that matched and who verified the results (12(3)).",
    ),
  ],
  "Art. 13": () => [
    "Provide instructions for use with the provider's identity and contact details (13(3)(a)).",
    "Describe the intended purpose, accuracy, robustness and cybersecurity levels, foreseeable risk circumstances, explainability, performance on specific groups, input data specifications and how to interpret the output (13(3)(b)).",
    "Describe pre-determined changes to the system and its performance (13(3)(c)).",
    "Describe the human oversight measures (13(3)(d)).",
    "State the compute and hardware needs, the expected lifetime, and maintenance and updates (13(3)(e)).",
    "Describe how deployers collect, store and interpret the logs (13(3)(f)).",
  ],
  "Art. 14": (ctx) => [
    "Provide human–machine interface tools that make effective oversight possible.",
    "Build the oversight measures into the system, or identify those the deployer must implement.",
    "Enable overseers to understand the system's capacities and limitations, monitor it for anomalies and stay aware of \"automation bias\" (14(4)(a)–(b)).",
    "Enable overseers to interpret the output correctly and to \"disregard, override or reverse\" it (14(4)(c)–(d)).",
    "Provide a \"'stop' button or a similar procedure\" to intervene or halt the system (14(4)(e)).",
    ...when(
      ctx.annexIIIPoints.includes("1(a)"),
      "Remote biometric identification: have each identification verified separately by at least two competent people before acting on it (14(5)).",
    ),
  ],
  "Art. 15": () => [
    "Achieve an appropriate level of accuracy, robustness and cybersecurity, consistent across the lifecycle.",
    "Declare the accuracy metrics in the instructions for use.",
    "Make the system resilient to errors, faults and inconsistencies (e.g. redundancy, fail-safe plans).",
    "Mitigate feedback loops from continued learning after deployment.",
    "Protect against data poisoning, model poisoning, adversarial examples or model evasion, confidentiality attacks and model flaws.",
  ],
  "Art. 17": () => [
    "Write down the quality management system as policies, procedures and instructions, proportionate to the organisation's size.",
    "Cover the regulatory compliance strategy, including conformity assessment and the management of modifications (17(1)(a)).",
    "Cover design, development, quality control, and examination, test and validation before, during and after development (17(1)(b)–(e)).",
    "Cover data management from acquisition to retention (17(1)(f)).",
    "Cover the risk management system, post-market monitoring and serious-incident reporting (17(1)(g)–(i)).",
    "Cover communication with authorities and others, record-keeping, resource management and an accountability framework (17(1)(j)–(m)).",
    "Keep the quality management system documentation for 10 years (Art. 18).",
  ],
  "Art. 23": () => [
    "Before placing the system on the market, verify that the provider carried out the conformity assessment (Art. 43) (23(1)(a)).",
    "Verify that the provider drew up the technical documentation (Art. 11, Annex IV) (23(1)(b)).",
    "Verify that the system bears the CE marking and comes with the EU declaration of conformity and the instructions for use (23(1)(c)).",
    "Verify that the provider has appointed an authorised representative (Art. 22(1)) (23(1)(d)).",
    "Do not place a non-conforming system on the market; if it presents a risk, inform the provider, the authorised representative and the market surveillance authorities (23(2)).",
    "Indicate your name, registered trade name or trade mark and address on the packaging or the accompanying documentation (23(3)).",
    "Keep storage and transport conditions from jeopardising compliance (23(4)), and keep the certificate, instructions for use and declaration of conformity for 10 years (23(5)).",
    "Give the authorities the information they request and cooperate with them (23(6)–(7)).",
  ],
  "Art. 24": () => [
    "Before making the system available, verify that it bears the CE marking and comes with a copy of the EU declaration of conformity and the instructions for use (24(1)).",
    "Verify that the provider and the importer have met their obligations (24(1)).",
    "Do not make a non-conforming system available; if it presents a risk, inform the provider or the importer (24(2)).",
    "Keep storage and transport conditions from jeopardising compliance (24(3)).",
    "Take corrective action, withdraw or recall a non-conforming system, or make sure the provider or importer does; inform the authorities of a risk (24(4)).",
    "Give the authorities the information they request and cooperate with them (24(5)–(6)).",
  ],
  "Art. 26": (ctx) => [
    "Use the system in accordance with its instructions for use and, where you control the input data, keep it relevant and sufficiently representative (26(1), 26(4)).",
    "Assign human oversight to people with the necessary competence, training and authority (26(2)).",
    "Monitor the operation; on a risk, inform the provider and the market surveillance authority and suspend use; report serious incidents \"immediately\" (26(5)).",
    "Keep the logs under your control for at least six months (26(6)), and use the Art. 13 information for your data protection impact assessment (26(9)).",
    "Inform workers' representatives and the workers affected before using the system at the workplace (26(7)).",
    ...when(
      ctx.annexIIIPoints.length > 0,
      "Inform the people affected that an Annex III high-risk system is used in decisions about them (26(11)).",
    ),
    ...when(
      ctx.publicBodyDeployer,
      "If you are a public authority (or a Union institution, body, office or agency): register your use in the EU database before first use, and do not use a system that is not registered there (26(8), Art. 49(3)).",
    ),
    ...when(
      ctx.annexIIIPoints.includes("1(a)"),
      "Post-remote biometric identification for law enforcement: request authorisation from a judicial or administrative authority in advance or within 48 hours (26(10)).",
    ),
  ],
  "Art. 27": () => [
    "Carry out the fundamental rights impact assessment before the first use of the system.",
    "Describe the processes the system is used in, and the period and frequency of use (27(1)(a)–(b)).",
    "Identify the categories of people likely to be affected and the specific risks of harm to them (27(1)(c)–(d)).",
    "Describe how human oversight is implemented according to the instructions for use (27(1)(e)).",
    "Set the measures to take if the risks materialise, including internal governance and complaint mechanisms (27(1)(f)).",
    "Notify the market surveillance authority of the results using the AI Office template, and update the assessment when an element changes.",
    "Align it with the GDPR Art. 35 data protection impact assessment, which it complements.",
  ],
  "Art. 43": (ctx) => [
    ...when(
      inArea(ctx.annexIIIPoints, "1"),
      "Annex III point 1 (biometrics): follow internal control (Annex VI) or assessment by a notified body (Annex VII); Annex VII is mandatory where harmonised standards or common specifications are absent or not applied in full.",
    ),
    ...when(
      inArea(ctx.annexIIIPoints, "2", "3", "4", "5", "6", "7", "8"),
      "Annex III points 2–8: follow the internal control procedure (Annex VI), without a notified body.",
    ),
    ...when(
      ctx.annexIRoute,
      "Annex I product: follow the conformity assessment procedure of the sectoral legislation, covering the AI Act requirements as part of it.",
    ),
    "Complete the conformity assessment before placing on the market or putting into service.",
    "Carry out a new assessment after any substantial modification; changes pre-determined in Annex IV point 2(f) are not substantial modifications.",
    "Keep the assessment records and any notified-body decisions for 10 years (Art. 18).",
  ],
  "Art. 47": () => [
    "Draw up a written, machine-readable, physical or electronically signed EU declaration of conformity for each system.",
    "Include the Annex V content: system name, type and traceability reference; provider name and address; a statement of \"sole responsibility of the provider\"; the conformity statement; a GDPR, EUDPR and LED statement where personal data are processed; standards or common specifications; the notified body where applicable; place, date, signatory and signature.",
    "Where other Union law also requires a declaration, draw up a single one covering all of it.",
    "Keep it up to date and at the authorities' disposal for 10 years after placing on the market.",
    "Affix the CE marking (Art. 48); a digital CE marking is allowed.",
  ],
  "Art. 49(1)": (ctx) => [
    "Before placing the system on the market or putting it into service, register yourself and the system in the EU database (Art. 71).",
    "Fill the Annex VIII Section A fields: provider, submitter and authorised representative; trade name and traceability reference; intended purpose; a \"basic and concise description of the information used by the system (data, inputs) and its operating logic\"; status; certificates; Member States; declaration of conformity; instructions for use; URL.",
    "Keep the entry up to date, including the status (on the market, in service, no longer on the market, recalled).",
    ...when(
      inArea(ctx.annexIIIPoints, "1", "6", "7"),
      "If the system is used in law enforcement, migration, asylum or border control (Annex III points 1, 6, 7): register in the secure non-public section, without the instructions for use (49(4)).",
    ),
    ...when(
      ctx.annexIIIPoints.includes("2"),
      "Its Annex III point 2 (critical infrastructure) use is registered at national level (49(5)).",
    ),
  ],
  "Art. 49(2)": () => [
    "Before placing the system on the market or putting it into service, register yourself and the system in the EU database, although it is not high-risk.",
    "Fill the Annex VIII Section B fields: provider, submitter and authorised representative; trade name and traceability reference; intended purpose; the Art. 6(3) condition(s) relied on; a short summary of the grounds; status; Member States.",
    "Keep the entry consistent with the Art. 6(4) assessment and up to date.",
  ],
  "Art. 49(5)": () => [
    "Register the system at national level, with the authority the Member State designates, rather than in the EU database (49(5)).",
    "Register before placing the system on the market or putting it into service.",
    "Keep the registration up to date when the system or its status changes.",
  ],
  "Art. 50": (ctx) => [
    ...when(
      ctx.transparencyDuties.includes("50(1)"),
      "Design the system so that people are told they are interacting with an AI system, unless this is \"obvious\" to a reasonably well-informed person (50(1)).",
      "Check whether the law-enforcement exception applies (systems authorised by law to detect, prevent, investigate or prosecute criminal offences) (50(1)).",
    ),
    ...when(
      ctx.transparencyDuties.includes("50(2)"),
      "Mark synthetic audio, image, video or text outputs \"in a machine-readable format and detectable as artificially generated or manipulated\"; assistive or standard editing is exempt (50(2)).",
      `Make the marking solution effective, interoperable, robust and reliable as far as technically feasible (50(2)); ${legacyMarkingGrace()}.`,
    ),
    ...when(
      ctx.transparencyDuties.includes("50(3)"),
      "Inform the people exposed to the emotion recognition or biometric categorisation system of its operation (50(3)).",
      "Process their personal data in line with the GDPR, the EUDPR and the Law Enforcement Directive (50(3)).",
    ),
    ...when(
      ctx.transparencyDuties.includes("50(4)"),
      "Disclose deep fakes as artificially generated or manipulated; for evidently artistic, satirical or fictional work, disclose only the existence of such content (50(4)).",
      "Disclose AI-generated text published to inform the public on matters of public interest, unless it had human review or editorial control (50(4)).",
    ),
    "Give the information in a \"clear and distinguishable\" way, \"at the latest at the time of the first interaction or exposure\", and accessibly (50(5)).",
  ],
  "Art. 53": (ctx) => [
    "Draw up and keep up to date the model's technical documentation, including training, testing and evaluation, with at least the Annex XI content, for the AI Office and national competent authorities (53(1)(a)).",
    "Give downstream providers the information and documentation of Annex XII on capabilities, limitations and integration (53(1)(b)).",
    "Put in place a copyright policy, including identifying and honouring text-and-data-mining opt-outs under Art. 4(3) of Directive (EU) 2019/790 (53(1)(c)).",
    "Publish a \"sufficiently detailed summary\" of the content used for training, using the AI Office template (53(1)(d)).",
    ctx.gpaiSystemicRisk
      ? "The open-source exemption from (a) and (b) does not apply: the model has systemic risk (53(2))."
      : "A model released under a free and open-source licence is exempt from (a) and (b) (53(2)).",
    "If you are established outside the EU, appoint an authorised representative in the EU (Art. 54).",
  ],
  "Art. 55": (ctx) => [
    "Evaluate the model with standardised protocols and tools, including \"adversarial testing\", and document it (55(1)(a); Annex XI Section 2).",
    "Assess and mitigate possible systemic risks at Union level, including their sources (55(1)(b)).",
    "Track, document and report serious incidents and possible corrective measures to the AI Office \"without undue delay\" (55(1)(c)).",
    "Ensure adequate cybersecurity for the model and its physical infrastructure (55(1)(d)).",
    ...when(
      ctx.gpaiComputeAboveThreshold,
      "Notify the Commission \"within two weeks\" of meeting the 10^25 FLOPs threshold; you may argue that the model nevertheless has no systemic risk (Art. 52).",
    ),
    ...when(
      ctx.gpaiDesignated,
      "As a designated provider, you may ask for a reassessment no earlier than 6 months after the designation decision (Art. 52).",
    ),
  ],
  "Art. 72": () => [
    "Establish a post-market monitoring system proportionate to the nature of the system and its risks.",
    "\"Actively and systematically collect, document and analyse\" performance data over the system's lifetime, including its interaction with other AI systems.",
    "Base it on a post-market monitoring plan that is part of the Annex IV technical documentation (using the Commission's template).",
    "Feed the findings into the risk management system (Art. 9(2)(c)) and into corrective actions.",
  ],
  "Art. 73": () => [
    "Report a serious incident to the market surveillance authority where it occurred \"immediately\" once a causal link (or its reasonable likelihood) is established, and not later than 15 days after becoming aware of it.",
    "Report a widespread infringement, or a serious and irreversible disruption of critical infrastructure, not later than two days after becoming aware of it.",
    "Report the death of a person not later than 10 days after becoming aware of it.",
    "Send an incomplete initial report if needed, followed by a complete one.",
    "Investigate without altering the system in a way that could affect the evaluation of the causes before informing the authorities.",
    "Treat as serious (Art. 3(49)): death or serious harm to health; serious and irreversible disruption of critical infrastructure; infringement of fundamental-rights obligations; serious harm to property or the environment.",
  ],
};
