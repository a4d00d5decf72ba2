import type { TSectionKey } from "@/lib/domain/model-card/template";

/*
 * EU AI Act Annex IV, point by point, and what in Attest answers each point: the model-card
 * fields (by section and field key of MODEL_CARD_TEMPLATE) and the records Attest keeps beside
 * the card (datasets, evaluations, classification, …). The technical documentation PDF is laid
 * out from this table, in this order; a test checks that every field named here exists and that
 * every field of the card appears somewhere, so nothing the owner wrote is left out.
 *
 * Annex IV point 3 has no lettered sub-points in the Act; its parts are numbered 3.1–3.5 here.
 * Points 5 and 6 are likewise split into numbered parts for readability.
 */

export type TCardFieldRef = readonly [section: TSectionKey, field: string];

/** Content that comes from Attest's records rather than from the card. */
export type TAnnexIVRecord =
  | "versionRecord" // the model version: artifact, framework, experiment run
  | "productIllustrations" // 1(f): only for product components (Annex I)
  | "datasets" // 2(d), 2(g): the dataset references with their hashes
  | "testReports" // 2(g): the evaluations, dated, with who signed them off
  | "overallAccuracy" // 3.1: overall metrics of the latest evaluation
  | "groupAccuracy" // 3.2: per-group tables and selection-rate charts
  | "fairnessThresholds" // 4: the thresholds the evaluations were judged against
  | "classification" // 5.1: tier, legal basis, rationale, who decided
  | "obligations" // 5.3: obligations with their evidence
  | "cardRevisions" // 6.1
  | "versions" // 6.2
  | "approvals" // 6.3: approvals and their invalidations
  | "standards" // 7
  | "chapterIIISolutions" // 7: where the Chapter III Section 2 requirements are answered
  | "declaration" // 8: Annex V content
  | "reviewSchedule"; // 9: next review date of the version

export interface TAnnexIVPoint {
  /** As printed: "1(a)", "3.2", "4". */
  readonly ref: string;
  readonly title: string;
  /** What the Act asks, paraphrased from Annex IV. */
  readonly requirement: string;
  readonly fields: readonly TCardFieldRef[];
  readonly records: readonly TAnnexIVRecord[];
}

export interface TAnnexIVSection {
  readonly number: number;
  readonly title: string;
  /** The Annex IV point and the articles it draws on, e.g. "Annex IV point 5; Art. 9". */
  readonly basis: string;
  readonly points: readonly TAnnexIVPoint[];
}

const point = (
  ref: string,
  title: string,
  requirement: string,
  fields: readonly TCardFieldRef[],
  records: readonly TAnnexIVRecord[] = [],
): TAnnexIVPoint => ({ ref, title, requirement, fields, records });

export const ANNEX_IV: readonly TAnnexIVSection[] = [
  {
    number: 1,
    title: "General description of the AI system",
    basis: "Annex IV point 1",
    points: [
      point("1(a)", "Intended purpose, provider and version",
        "Its intended purpose, the name of the provider and the version of the system reflecting its relation to previous versions.",
        [["modelDetails", "name"], ["modelDetails", "description"], ["intendedUse", "primaryUses"], ["intendedUse", "primaryUsers"],
          ["intendedUse", "outOfScopeUses"], ["modelDetails", "provider"], ["modelDetails", "contact"], ["modelDetails", "version"],
          ["modelDetails", "releaseDate"], ["modelDetails", "changesFromPreviousVersion"], ["modelDetails", "citation"]],
        ["versionRecord"]),
      point("1(b)", "Interaction with hardware, software and other AI systems",
        "How the AI system interacts with, or can be used to interact with, hardware or software, including other AI systems, that are not part of the system itself.",
        [["intendedUse", "deploymentContext"], ["modelDetails", "inputs"], ["modelDetails", "outputs"]]),
      point("1(c)", "Versions of relevant software and update requirements",
        "The versions of relevant software or firmware, and any requirements related to version updates.",
        [["requirements", "softwareDependencies"], ["requirements", "maintenance"], ["requirements", "expectedLifetime"]]),
      point("1(d)", "Forms in which the system is placed on the market",
        "All the forms in which the AI system is placed on the market or put into service, such as software packages embedded into hardware, downloads or APIs.",
        [["intendedUse", "deploymentContext"], ["modelDetails", "license"]]),
      point("1(e)", "Hardware on which the system is intended to run",
        "The hardware on which the AI system is intended to run.",
        [["requirements", "computeRequirements"]]),
      point("1(f)", "Product photographs and illustrations",
        "Where the AI system is a component of products, photographs or illustrations showing external features, the marking and internal layout of those products.",
        [], ["productIllustrations"]),
      point("1(g)", "User interface provided to the deployer",
        "A basic description of the user interface provided to the deployer.",
        [["deployerInstructions", "userInterface"], ["humanOversight", "interpretationAids"]]),
      point("1(h)", "Instructions for use for the deployer",
        "Instructions for use for the deployer, and a basic description of the user interface provided to the deployer, where applicable.",
        [["deployerInstructions", "instructionsForUse"], ["deployerInstructions", "outputInterpretation"],
          ["caveatsAndRecommendations", "recommendations"], ["deployerInstructions", "transparencyNotice"], ["modelDetails", "documentationUrl"]]),
    ],
  },
  {
    number: 2,
    title: "Detailed description of the elements and the development process",
    basis: "Annex IV point 2",
    points: [
      point("2(a)", "Development methods and steps",
        "The methods and steps performed for the development of the AI system, including, where relevant, recourse to pre-trained systems or tools provided by third parties and how those were used, integrated or modified by the provider.",
        [["modelDetails", "modelType"], ["modelDetails", "task"], ["modelDetails", "architecture"]], ["versionRecord"]),
      point("2(b)", "Design specifications",
        "The general logic of the AI system and of the algorithms; the key design choices including the rationale and assumptions made, also with regard to persons or groups of persons on which the system is intended to be used; the main classification choices; what the system is designed to optimise for and the relevance of the different parameters; the expected output and output quality; trade-offs made to comply with Chapter III, Section 2.",
        [["modelDetails", "architectureFamily"], ["modelDetails", "outputs"], ["metrics", "decisionThresholds"], ["factors", "relevantGroups"], ["factors", "environments"]]),
      point("2(c)", "System architecture and computational resources",
        "The system architecture explaining how software components build on or feed into each other and integrate into the overall processing; the computational resources used to develop, train, test and validate the AI system.",
        [["modelDetails", "architecture"], ["requirements", "computeRequirements"], ["requirements", "environmentalImpact"]]),
      point("2(d)", "Data requirements and datasheets",
        "Where relevant, the data requirements in terms of datasheets describing the training methodologies and techniques and the training data sets used, including a general description of these data sets, information about their provenance, scope and main characteristics; how the data was obtained and selected; labelling procedures; data cleaning methodologies.",
        [["trainingData", "sources"], ["trainingData", "provenance"], ["trainingData", "collectionAndLabelling"], ["trainingData", "preprocessing"],
          ["trainingData", "representativeness"], ["trainingData", "knownGapsAndBiases"], ["trainingData", "specialCategoryData"]],
        ["datasets"]),
      point("2(e)", "Assessment of human oversight measures",
        "Assessment of the human oversight measures needed in accordance with Article 14, including an assessment of the technical measures needed to facilitate the interpretation of the outputs of AI systems by the deployers, in accordance with Article 13(3)(d).",
        [["humanOversight", "oversightMeasures"], ["humanOversight", "overrideAndStop"], ["humanOversight", "interpretationAids"], ["humanOversight", "automationBiasMitigation"]]),
      point("2(f)", "Pre-determined changes",
        "Where applicable, a detailed description of pre-determined changes to the AI system and its performance, together with all the relevant information related to the technical solutions adopted to ensure continuous compliance.",
        [["deployerInstructions", "predeterminedChanges"], ["accuracyRobustnessCybersecurity", "feedbackLoops"]]),
      point("2(g)", "Validation and testing procedures and test reports",
        "The validation and testing procedures used, including information about the validation and testing data used and their main characteristics; metrics used to measure accuracy, robustness and compliance with other relevant requirements, as well as potentially discriminatory impacts; test logs and all test reports dated and signed by the responsible persons.",
        [["evaluationData", "sources"], ["evaluationData", "provenance"], ["evaluationData", "collectionAndLabelling"], ["evaluationData", "preprocessing"],
          ["evaluationData", "representativeness"], ["evaluationData", "knownGapsAndBiases"], ["evaluationData", "specialCategoryData"],
          ["metrics", "performanceMeasures"], ["metrics", "variationApproaches"], ["quantitativeAnalyses", "summary"]],
        ["testReports"]),
      point("2(h)", "Cybersecurity measures",
        "The cybersecurity measures put in place.",
        [["accuracyRobustnessCybersecurity", "cybersecurity"], ["accuracyRobustnessCybersecurity", "robustness"]]),
    ],
  },
  {
    number: 3,
    title: "Monitoring, functioning and control",
    basis: "Annex IV point 3; Art. 13, 14, 15",
    points: [
      point("3.1", "Capabilities and limitations in performance",
        "The capabilities and limitations in performance of the system, including the overall expected level of accuracy in relation to its intended purpose.",
        [["accuracyRobustnessCybersecurity", "declaredAccuracy"], ["caveatsAndRecommendations", "knownLimitations"]], ["overallAccuracy"]),
      point("3.2", "Degrees of accuracy for specific persons or groups",
        "The degrees of accuracy for specific persons or groups of persons on which the system is intended to be used.",
        [["factors", "relevantGroups"]], ["groupAccuracy"]),
      point("3.3", "Foreseeable unintended outcomes and sources of risk",
        "The foreseeable unintended outcomes and sources of risks to health and safety, fundamental rights and discrimination in view of the intended purpose.",
        [["ethicalConsiderations", "risks"], ["intendedUse", "outOfScopeUses"]]),
      point("3.4", "Human oversight measures",
        "The human oversight measures needed in accordance with Article 14, including the technical measures put in place to facilitate the interpretation of the outputs by the deployers.",
        [["humanOversight", "oversightMeasures"], ["humanOversight", "overrideAndStop"]]),
      point("3.5", "Input data specifications",
        "Specifications on input data, as appropriate.",
        [["deployerInstructions", "inputDataSpecification"], ["factors", "instrumentation"]]),
    ],
  },
  {
    number: 4,
    title: "Appropriateness of the performance metrics",
    basis: "Annex IV point 4",
    points: [
      point("4", "Appropriateness of the performance metrics",
        "A description of the appropriateness of the performance metrics for the specific AI system.",
        [["metrics", "whyTheseMeasures"], ["metrics", "performanceMeasures"], ["metrics", "decisionThresholds"]], ["fairnessThresholds"]),
    ],
  },
  {
    number: 5,
    title: "Risk management system",
    basis: "Annex IV point 5; Art. 9",
    points: [
      point("5.1", "Risk classification",
        "The classification of the system under the AI Act, its legal basis and the reasoning behind it.",
        [], ["classification"]),
      point("5.2", "Risks and risk management measures",
        "A detailed description of the risk management system in accordance with Article 9: the known and foreseeable risks and the measures adopted to address them.",
        [["ethicalConsiderations", "risks"], ["ethicalConsiderations", "mitigations"]]),
      point("5.3", "Obligations and evidence",
        "The obligations that follow from the classification, their status and the evidence recorded for each.",
        [], ["obligations"]),
    ],
  },
  {
    number: 6,
    title: "Changes over the lifecycle",
    basis: "Annex IV point 6",
    points: [
      point("6.1", "Model card revisions",
        "A description of relevant changes made by the provider to the system through its lifecycle.",
        [["modelDetails", "changesFromPreviousVersion"]], ["cardRevisions"]),
      point("6.2", "Versions", "The versions of the system and their lifecycle stages.", [], ["versions"]),
      point("6.3", "Approvals and invalidations",
        "The approvals given, the content each approval is bound to, and the approvals invalidated by later changes.",
        [], ["approvals"]),
    ],
  },
  {
    number: 7,
    title: "Harmonised standards and other specifications applied",
    basis: "Annex IV point 7",
    points: [
      point("7", "Harmonised standards and other specifications applied",
        "A list of the harmonised standards applied in full or in part, with their references; where none have been applied, a detailed description of the solutions adopted to meet the requirements of Chapter III, Section 2, including other relevant standards and technical specifications applied.",
        [], ["standards", "chapterIIISolutions"]),
    ],
  },
  {
    number: 8,
    title: "EU declaration of conformity",
    basis: "Annex IV point 8; Art. 47; Annex V",
    points: [
      point("8", "EU declaration of conformity",
        "A copy of the EU declaration of conformity referred to in Article 47, with the content set out in Annex V.",
        [], ["declaration"]),
    ],
  },
  {
    number: 9,
    title: "Post-market monitoring plan",
    basis: "Annex IV point 9; Art. 72, 73, 12",
    points: [
      point("9", "Post-market monitoring plan",
        "A detailed description of the system in place to evaluate the AI system performance in the post-market phase in accordance with Article 72, including the post-market monitoring plan referred to in Article 72(3).",
        [["postMarketMonitoring", "monitoringPlan"], ["postMarketMonitoring", "monitoredMetrics"], ["postMarketMonitoring", "reviewFrequency"],
          ["postMarketMonitoring", "incidentReporting"], ["logging", "loggedEvents"], ["logging", "collectionMechanism"], ["logging", "retention"]],
        ["reviewSchedule"]),
    ],
  },
];

/**
 * Card fields printed after point 9 because no Annex IV point asks for them; kept so that the
 * documentation holds everything the card holds.
 */
export const ADDITIONAL_FIELDS: readonly TCardFieldRef[] = [["additionalInformation", "notes"]];

/**
 * Card fields printed through the "standards" and "declaration" records of points 7 and 8
 * (conformity.ts reads them into the standards table and the Annex V content).
 */
export const CONFORMITY_FIELDS: readonly TCardFieldRef[] = [
  ["conformity", "harmonisedStandards"], ["conformity", "otherSpecifications"], ["conformity", "assessmentProcedure"],
  ["conformity", "notifiedBodyName"], ["conformity", "notifiedBodyNumber"], ["conformity", "certificate"],
  ["conformity", "providerAddress"], ["conformity", "authorisedRepresentative"], ["conformity", "dataProtectionStatement"],
  ["conformity", "declarationPlace"], ["conformity", "declarationDate"], ["conformity", "signatoryName"], ["conformity", "signatoryFunction"],
];

/**
 * Where the Chapter III Section 2 requirements (Art. 8–15) are answered in this document: the
 * solutions adopted when no harmonised standard was applied (Annex IV point 7).
 */
export const CHAPTER_III_SOLUTIONS: readonly { article: string; requirement: string; answeredIn: readonly string[] }[] = [
  { article: "Art. 9", requirement: "Risk management system", answeredIn: ["5.1", "5.2", "5.3", "9"] },
  { article: "Art. 10", requirement: "Data and data governance", answeredIn: ["2(d)", "2(g)"] },
  { article: "Art. 11", requirement: "Technical documentation", answeredIn: ["this document"] },
  { article: "Art. 12", requirement: "Record-keeping", answeredIn: ["9"] },
  { article: "Art. 13", requirement: "Transparency and instructions for use", answeredIn: ["1(g)", "1(h)", "3.5"] },
  { article: "Art. 14", requirement: "Human oversight", answeredIn: ["2(e)", "3.4"] },
  { article: "Art. 15", requirement: "Accuracy, robustness and cybersecurity", answeredIn: ["2(h)", "3.1", "3.2"] },
];
