import type { TModelCard } from "./template";

/**
 * A retail-credit scoring model documented in every field, as a high-risk model (Annex III
 * 5(b)) should be. Tests use it as the fully filled card; the demo seed may too.
 */
export const CREDIT_SCORING_CARD: TModelCard = {
  modelDetails: {
    name: "Retail credit default scorer",
    description: "Estimates the probability that a retail loan applicant defaults within 12 months, from application and bureau data, for credit analysts.",
    provider: "Banque Exemple SA, Model Risk & Analytics team",
    version: "3.2.0",
    releaseDate: "2026-01-15",
    modelType: "Supervised binary classification",
    task: "tabular-classification",
    architectureFamily: "Gradient-boosted decision trees",
    architecture: "XGBoost, 400 trees of depth 6, monotone constraints on income and debt ratio.\nCalibrated with isotonic regression on the validation set.",
    inputs: ["tabular: 42 applicant and bureau features"],
    outputs: ["probability of default within 12 months, 0–1", "top five reason codes"],
    license: "Proprietary, internal use only",
    contact: "model-risk@banque-exemple.eu",
    documentationUrl: "https://wiki.banque-exemple.eu/models/credit-default",
    citation: "Banque Exemple Model Risk (2026). Retail credit default scorer v3.",
    changesFromPreviousVersion: "Retrained on 2019–2025 data; dropped the postcode feature after the fairness review.",
  },
  intendedUse: {
    primaryUses: "Ranks new retail loan applications by default risk to support, not replace, the analyst's credit decision.",
    primaryUsers: ["Credit analysts in retail lending", "Credit risk managers"],
    outOfScopeUses: "Business loans, mortgages, collections, and any fully automated refusal without analyst review.",
    deploymentContext: "Nightly batch and a REST API called by the loan origination system; results shown in the analyst workbench.",
  },
  factors: {
    relevantGroups: ["age under 25", "age 65 and over", "sex", "applicants without credit history"],
    instrumentation: "Online and branch application forms; bureau data from two credit bureaus.",
    environments: "Retail applicants resident in France and Belgium; not tested on other markets.",
  },
  metrics: {
    performanceMeasures: ["ROC AUC", "Brier score", "recall at 5% false-positive rate"],
    whyTheseMeasures: "AUC measures ranking quality; Brier score checks calibration, which the pricing relies on.",
    decisionThresholds: "Scores above 0.18 are referred to a senior analyst; the threshold is owned by the credit committee.",
    variationApproaches: "95% bootstrap confidence intervals (1,000 resamples) on the held-out test set.",
  },
  trainingData: {
    sources: "Loan book 2019–2023 (DVC: data/loans/v7), 1.2 million applications.",
    provenance: "Internal origination records collected to process loan applications, used under the bank's credit-risk legitimate interest.",
    collectionAndLabelling: "Default label: 90 days past due within 12 months, derived automatically from the servicing system.",
    preprocessing: "Deduplicated applications, winsorised income at the 99.9th percentile, imputed missing bureau scores with medians.",
    representativeness: "Age and sex distributions match the applicant population within 2 percentage points.",
    knownGapsAndBiases: "Few applicants over 75; thin-file applicants under-represented. Reweighed during training.",
    specialCategoryData: "None processed.",
  },
  evaluationData: {
    sources: "Out-of-time test set: applications from 2024 (DVC: data/loans/v7-test), 210,000 rows.",
    provenance: "Same origination system as the training data.",
    collectionAndLabelling: "Same default definition as the training data.",
    preprocessing: "Same pipeline as training, fitted on training data only.",
    representativeness: "Covers all regions and age bands; group sizes reported in the evaluation.",
    knownGapsAndBiases: "2024 includes a rate rise not seen in training.",
    specialCategoryData: "Sex used only to measure disparities, pseudonymised, deleted after the evaluation.",
  },
  quantitativeAnalyses: {
    summary: "AUC 0.81 (0.80–0.82). Disparate impact ratio for age under 25 is 0.86, above the 0.8 policy threshold.",
  },
  ethicalConsiderations: {
    risks: "Unjustified refusals for young or thin-file applicants; indirect discrimination through correlated features.",
    mitigations: "Postcode removed, monotone constraints, analyst review of every refusal, quarterly fairness monitoring.",
  },
  caveatsAndRecommendations: {
    knownLimitations: "Less accurate for self-employed applicants with irregular income.",
    recommendations: "Request income evidence for self-employed applicants before relying on the score.",
  },
  humanOversight: {
    oversightMeasures: "Every score is reviewed by a credit analyst; weekly drift dashboard reviewed by model risk.",
    overrideAndStop: "Analysts can override any score with a reason; the head of credit risk can switch the API off, falling back to manual underwriting.",
    interpretationAids: "Top five reason codes (SHAP) and a calibrated probability band beside each score.",
    automationBiasMitigation: "Analysts are trained yearly; 5% of approvals are re-underwritten blind each month.",
  },
  accuracyRobustnessCybersecurity: {
    declaredAccuracy: "AUC at least 0.78 and Brier score at most 0.09 on each quarterly monitoring sample.",
    robustness: "Input validation rejects out-of-range values; if the model is unavailable, applications go to manual review.",
    feedbackLoops: "No online learning; retraining uses outcomes of analyst decisions, reviewed for selection bias.",
    cybersecurity: "Model artefact signed and stored in the registry; API behind mTLS; training data access logged.",
  },
  logging: {
    loggedEvents: "Request id, input hash, model version, score, reason codes, analyst override and reason.",
    collectionMechanism: "Logs are written to the bank's log platform and exported daily to the deployer's archive.",
    retention: "Kept for 7 years under banking law (at least six months under Art. 19); read access for model risk and audit.",
  },
  postMarketMonitoring: {
    monitoringPlan: "Monthly performance on matured loans, quarterly fairness review, retraining when AUC drops below 0.78.",
    monitoredMetrics: ["AUC on matured loans < 0.78", "population stability index > 0.2", "disparate impact ratio < 0.8"],
    reviewFrequency: "Monthly",
    incidentReporting: "Serious incidents go to the head of model risk within 24 hours, who reports to the authority under Art. 73.",
  },
  requirements: {
    computeRequirements: "2 vCPU and 4 GB RAM per API instance; training takes 40 minutes on 16 vCPU.",
    softwareDependencies: ["python 3.12", "xgboost 2.1.1", "scikit-learn 1.5.2"],
    expectedLifetime: "24 months",
    maintenance: "Quarterly dependency updates; yearly retraining through the model change process.",
    environmentalImpact: "About 3 kWh per training run in an EU data centre.",
  },
  deployerInstructions: {
    instructionsForUse: "Send one application per request; act on the score only together with the reason codes and the analyst's review.",
    inputDataSpecification: "JSON with the 42 features of the data dictionary; missing bureau data allowed, other fields required.",
    outputInterpretation: "A probability, not a decision: 0.10 means about one default in ten similar applicants.",
    predeterminedChanges: "Yearly retraining on new data with the same features and thresholds.",
    userInterface: "Analyst workbench panel showing score, band and reason codes.",
    transparencyNotice: "Applicants are told that an automated score supports the analyst's decision and may ask for an explanation.",
  },
  conformity: {
    harmonisedStandards: ["EN ISO/IEC 23894:2024 — Information technology — Artificial intelligence — Guidance on risk management (in part)"],
    otherSpecifications: ["ISO/IEC 42001:2023 — Artificial intelligence — Management system", "EBA/GL/2020/06 — Guidelines on loan origination and monitoring (in part)"],
    assessmentProcedure: "Assessment of the quality management system and of the technical documentation by a notified body (Annex VII)",
    notifiedBodyName: "Organisme Exemple de Certification SAS",
    notifiedBodyNumber: "2999",
    certificate: "OEC-AI-2026-0042",
    providerAddress: "12 rue de l'Exemple, 75002 Paris, France",
    authorisedRepresentative: "None: the provider is established in the Union.",
    dataProtectionStatement: "Personal data are processed in compliance with Regulation (EU) 2016/679; data protection impact assessment DP-2025-014.",
    declarationPlace: "Paris",
    declarationDate: "2026-02-10",
    signatoryName: "Claire Martin",
    signatoryFunction: "Chief Risk Officer",
  },
  additionalInformation: {
    notes: "Validated by the independent model validation unit in December 2025.",
  },
};
