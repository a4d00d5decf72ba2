import type { TObligationArticle } from "./obligations";
import type { TObligationStatus } from "./ruleset";

/*
 * The NIST AI RMF 1.0 and ISO/IEC 42001:2023 counterparts of each obligation, so that an
 * organisation reporting against those frameworks sees its coverage too.
 *
 * The mapping is Attest's own analysis, not an official crosswalk. Rows marked "reference" are
 * the mapping table of the Attest EU AI Act reference; rows marked "extension" cover obligations
 * that table has no row for (Arts. 23, 24, 26, 43, 47, 55) and are Attest's extension of the same
 * analysis. NIST category and subcategory titles are shortened from NIST AI RMF 1.0; ISO clause
 * and control titles are those of the public outline of ISO/IEC 42001:2023 (the standard's text
 * is not reproduced).
 */

export const FRAMEWORK_IDS = ["nist-ai-rmf-1.0", "iso-iec-42001-2023"] as const;
export type TFrameworkId = (typeof FRAMEWORK_IDS)[number];

export const FRAMEWORK_NAMES: Record<TFrameworkId, string> = {
  "nist-ai-rmf-1.0": "NIST AI RMF 1.0",
  "iso-iec-42001-2023": "ISO/IEC 42001:2023",
};

/** Every NIST AI RMF category or subcategory the mapping references, in the framework's order. */
export const NIST_REFS = {
  "GOVERN 1": "Policies, processes, procedures and practices for mapping, measuring and managing AI risks are in place, transparent and implemented effectively",
  "GOVERN 1.1": "Legal and regulatory requirements involving AI are understood, managed and documented",
  "GOVERN 1.4": "The risk management process and its outcomes are established through transparent policies, procedures and other controls",
  "GOVERN 1.6": "Mechanisms are in place to inventory AI systems",
  "GOVERN 2": "Accountability structures: teams and individuals are empowered, responsible and trained",
  "GOVERN 2.2": "Personnel and partners receive AI risk management training",
  "GOVERN 4": "Teams are committed to a culture that considers and communicates AI risk",
  "GOVERN 4.3": "Practices enable AI testing, identification of incidents and information sharing",
  "GOVERN 6": "Policies and procedures address risks from third-party software, data and the supply chain",
  "MAP 1": "Context is established and understood",
  "MAP 1.1": "Intended purposes, context-specific laws, norms and settings of deployment are understood and documented",
  "MAP 2": "Categorisation of the AI system is performed",
  "MAP 2.3": "Scientific integrity and TEVV considerations, including data collection and selection, are identified and documented",
  "MAP 3": "Capabilities, targeted usage, goals, benefits and costs are understood",
  "MAP 3.5": "Processes for human oversight are defined, assessed and documented",
  "MAP 4": "Risks and benefits are mapped for all components, including third-party software and data",
  "MAP 5": "Impacts to individuals, groups, communities, organisations and society are characterised",
  "MAP 5.1": "Likelihood and magnitude of each identified impact are identified and documented",
  "MAP 5.2": "Practices and personnel support regular engagement with AI actors and feedback about impacts",
  "MEASURE 1": "Appropriate methods and metrics are identified and applied",
  "MEASURE 2": "AI systems are evaluated for trustworthy characteristics",
  "MEASURE 2.3": "Performance or assurance criteria are measured and demonstrated for deployment-like conditions",
  "MEASURE 2.4": "Functionality and behaviour of the system are monitored in production",
  "MEASURE 2.5": "The system is demonstrated to be valid and reliable",
  "MEASURE 2.6": "The system is evaluated regularly for safety risks and can fail safely",
  "MEASURE 2.7": "Security and resilience are evaluated and documented",
  "MEASURE 2.8": "Risks associated with transparency and accountability are examined and documented",
  "MEASURE 2.9": "The model is explained, validated and documented, and output interpreted within its context",
  "MEASURE 2.10": "Privacy risk is examined and documented",
  "MEASURE 2.11": "Fairness and bias are evaluated and results documented",
  "MEASURE 3": "Mechanisms for tracking identified AI risks over time are in place",
  "MEASURE 3.1": "Existing, unanticipated and emergent AI risks are regularly identified and tracked",
  "MANAGE 1": "AI risks from the MAP and MEASURE functions are prioritised, responded to and managed",
  "MANAGE 2.4": "Mechanisms exist to supersede, disengage or deactivate systems with outcomes inconsistent with intended use",
  "MANAGE 3": "AI risks and benefits from third-party entities are managed",
  "MANAGE 4.1": "Post-deployment monitoring plans are implemented",
  "MANAGE 4.3": "Incidents and errors are communicated, tracked, responded to and recovered from",
} as const;
export type TNistRef = keyof typeof NIST_REFS;

/** Every ISO/IEC 42001 clause or Annex A control the mapping references, in the standard's order. */
export const ISO_REFS = {
  "Clause 4": "Context of the organization",
  "Clause 5": "Leadership",
  "Clause 6": "Planning",
  "Clause 6.1": "Actions to address risks and opportunities",
  "Clause 7": "Support",
  "Clause 7.2": "Competence",
  "Clause 7.3": "Awareness",
  "Clause 8": "Operation",
  "Clause 8.2": "AI risk assessment",
  "Clause 8.3": "AI risk treatment",
  "Clause 8.4": "AI system impact assessment",
  "Clause 9": "Performance evaluation",
  "Clause 9.1": "Monitoring, measurement, analysis and evaluation",
  "Clause 10": "Improvement",
  "Clause 10.2": "Nonconformity and corrective action",
  "A.2": "Policies related to AI",
  "A.3": "Internal organization",
  "A.3.3": "Reporting of concerns",
  "A.4.2": "Resource documentation",
  "A.4.3": "Data resources",
  "A.4.6": "Human resources",
  "A.5.2": "AI system impact assessment process",
  "A.5.3": "Documentation of AI system impact assessments",
  "A.5.4": "Assessing AI system impact on individuals or groups of individuals",
  "A.5.5": "Assessing societal impacts of AI systems",
  "A.6.2.2": "AI system requirements and specification",
  "A.6.2.3": "Documentation of AI system design and development",
  "A.6.2.4": "AI system verification and validation",
  "A.6.2.6": "AI system operation and monitoring",
  "A.6.2.7": "AI system technical documentation",
  "A.6.2.8": "AI system recording of event logs",
  "A.7.2": "Data for development and enhancement of AI system",
  "A.7.3": "Acquisition of data",
  "A.7.4": "Quality of data for AI systems",
  "A.7.5": "Data provenance",
  "A.7.6": "Data preparation",
  "A.8.2": "System documentation and information for users",
  "A.8.3": "External reporting",
  "A.8.4": "Communication of incidents",
  "A.8.5": "Information for interested parties",
  "A.9.2": "Processes for responsible use of AI systems",
  "A.9.3": "Objectives for responsible use of AI system",
  "A.9.4": "Intended use of the AI system",
  "A.10.2": "Allocating responsibilities",
  "A.10.3": "Suppliers",
  "A.10.4": "Customers",
} as const;
export type TIsoRef = keyof typeof ISO_REFS;

export interface TFrameworkMapping {
  /** Which row of the reference table this is, or "extension" where the table has none. */
  readonly source: { readonly kind: "reference"; readonly row: string } | { readonly kind: "extension"; readonly basis: string };
  readonly nist: readonly TNistRef[];
  readonly iso: readonly TIsoRef[];
}

const MAP_1_TO_5: TNistRef[] = ["MAP 1", "MAP 2", "MAP 3", "MAP 4", "MAP 5"];
const MEASURE_1_TO_3: TNistRef[] = ["MEASURE 1", "MEASURE 2", "MEASURE 3"];
const ISO_CLAUSES_4_TO_10: TIsoRef[] = ["Clause 4", "Clause 5", "Clause 6", "Clause 7", "Clause 8", "Clause 9", "Clause 10"];

const screening: TFrameworkMapping = {
  source: { kind: "reference", row: "Art 5/6 screening and classification" },
  nist: ["GOVERN 1.1", "MAP 1.1", "MAP 2"],
  iso: ["A.9.4", "A.6.2.2", "A.5.2"],
};
const registration: TFrameworkMapping = {
  source: { kind: "reference", row: "Art 49/71 registration" },
  nist: ["GOVERN 1.6"],
  iso: ["A.4.2", "A.8.3"],
};
const valueChain = (basis: string): TFrameworkMapping => ({
  source: { kind: "extension", basis },
  nist: ["GOVERN 6", "MAP 4", "MANAGE 3"],
  iso: ["A.10.2", "A.10.3", "A.10.4"],
});

export const FRAMEWORK_MAPPING: Record<TObligationArticle, TFrameworkMapping> = {
  "Art. 4": { source: { kind: "reference", row: "Art 4 literacy" }, nist: ["GOVERN 2.2"], iso: ["Clause 7.2", "Clause 7.3", "A.4.6"] },
  "Art. 5": screening,
  "Art. 6(4)": screening,
  "Art. 9": {
    source: { kind: "reference", row: "Art 9 RMS" },
    nist: ["GOVERN 1.4", ...MAP_1_TO_5, ...MEASURE_1_TO_3, "MANAGE 1"],
    iso: ["Clause 6.1", "Clause 8.2", "Clause 8.3"],
  },
  "Art. 10": {
    source: { kind: "reference", row: "Art 10 data" },
    nist: ["MAP 2.3", "MEASURE 2.10", "MEASURE 2.11"],
    iso: ["A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.4.3"],
  },
  "Art. 11": { source: { kind: "reference", row: "Art 11/Annex IV" }, nist: ["MEASURE 2.9"], iso: ["A.6.2.3", "A.6.2.7", "A.4.2"] },
  "Art. 12": { source: { kind: "reference", row: "Art 12/19/26(6) logs" }, nist: ["MEASURE 2.4", "MANAGE 4.1"], iso: ["A.6.2.8"] },
  "Art. 13": { source: { kind: "reference", row: "Art 13/50 transparency" }, nist: ["MEASURE 2.8", "MEASURE 2.9"], iso: ["A.8.2", "A.8.5", "A.9.4"] },
  "Art. 14": { source: { kind: "reference", row: "Art 14 oversight" }, nist: ["MAP 3.5", "MANAGE 2.4"], iso: ["A.9.2", "A.9.3"] },
  "Art. 15": {
    source: { kind: "reference", row: "Art 15 accuracy, robustness, security" },
    nist: ["MEASURE 2.3", "MEASURE 2.5", "MEASURE 2.6", "MEASURE 2.7"],
    iso: ["A.6.2.4", "A.6.2.6"],
  },
  "Art. 17": {
    source: { kind: "reference", row: "Art 17 QMS" },
    nist: ["GOVERN 1", "GOVERN 2", "GOVERN 4"],
    iso: [...ISO_CLAUSES_4_TO_10, "A.2", "A.3"],
  },
  "Art. 23": valueChain("Importer verification duties are value-chain duties, mapped like the reference's Art 25/53(1)(b) value-chain row."),
  "Art. 24": valueChain("Distributor verification duties are value-chain duties, mapped like the reference's Art 25/53(1)(b) value-chain row."),
  "Art. 26": {
    source: { kind: "extension", basis: "The reference maps Art 26(6) logs (Art 12/19/26(6) row); the deployer's oversight (26(2)) and use per the instructions (26(1)) follow the Art 14 and Art 13 rows." },
    nist: ["MAP 3.5", "MEASURE 2.4", "MANAGE 2.4", "MANAGE 4.1"],
    iso: ["A.6.2.8", "A.9.2", "A.9.3", "A.9.4"],
  },
  "Art. 27": {
    source: { kind: "reference", row: "Art 27 FRIA" },
    nist: ["MAP 5.1", "MAP 5.2"],
    iso: ["Clause 8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"],
  },
  "Art. 43": {
    source: { kind: "extension", basis: "Conformity assessment verifies the Arts. 9–15 requirements against the law: legal requirements (GOVERN 1.1) and verification and validation (A.6.2.4, clause 9)." },
    nist: ["GOVERN 1.1", "MEASURE 2"],
    iso: ["Clause 9", "A.6.2.4"],
  },
  "Art. 47": {
    source: { kind: "extension", basis: "The declaration of conformity is a documented statement of legal compliance to interested parties." },
    nist: ["GOVERN 1.1"],
    iso: ["A.8.5"],
  },
  "Art. 49(1)": registration,
  "Art. 49(2)": registration,
  "Art. 49(5)": registration,
  "Art. 50": { source: { kind: "reference", row: "Art 13/50 transparency" }, nist: ["MEASURE 2.8", "MEASURE 2.9"], iso: ["A.8.2", "A.8.5", "A.9.4"] },
  "Art. 53": {
    source: { kind: "reference", row: "Art 25/53(1)(b) value chain (53(1)(a) documentation follows the Art 11/Annex IV row)" },
    nist: ["GOVERN 6", "MAP 4", "MANAGE 3", "MEASURE 2.9"],
    iso: ["A.10.2", "A.10.3", "A.10.4", "A.6.2.7"],
  },
  "Art. 55": {
    source: { kind: "extension", basis: "Evaluation and adversarial testing (MEASURE 2.6, 2.7), systemic-risk assessment (MAP 5), incident reporting (Art 73 row) and cybersecurity (Art 15 row)." },
    nist: ["MAP 5", "MEASURE 2.6", "MEASURE 2.7", "MANAGE 4.3"],
    iso: ["Clause 8.2", "A.6.2.4", "A.8.4"],
  },
  "Art. 72": {
    source: { kind: "reference", row: "Art 72 PMM" },
    nist: ["MEASURE 2.4", "MEASURE 3.1", "MANAGE 4.1"],
    iso: ["Clause 9.1", "A.6.2.6"],
  },
  "Art. 73": {
    source: { kind: "reference", row: "Art 73 incidents" },
    nist: ["GOVERN 4.3", "MANAGE 4.3"],
    iso: ["Clause 10.2", "A.8.4", "A.3.3"],
  },
};

export interface TFrameworkRefs {
  readonly nist: readonly { readonly ref: TNistRef; readonly title: string }[];
  readonly iso: readonly { readonly ref: TIsoRef; readonly title: string }[];
}

/** The counterparts of one obligation article, with titles; null for an article the mapping does not know. */
export function frameworkRefs(article: string): TFrameworkRefs | null {
  const mapping = (FRAMEWORK_MAPPING as Record<string, TFrameworkMapping | undefined>)[article];
  if (!mapping) return null;
  return {
    nist: mapping.nist.map((ref) => ({ ref, title: NIST_REFS[ref] })),
    iso: mapping.iso.map((ref) => ({ ref, title: ISO_REFS[ref] })),
  };
}

export interface TObligationWithStatus {
  readonly article: string;
  readonly status: TObligationStatus;
}

export interface TCoverageItem {
  readonly ref: string;
  readonly title: string;
  /** The obligation articles that map to this category or control, in the Act's order, once each. */
  readonly articles: string[];
  /** Obligations mapped here (one model may contribute several, a portfolio many). */
  readonly total: number;
  readonly met: number;
  readonly notApplicable: number;
  /** met + notApplicable === total: nothing left to do here. */
  readonly covered: boolean;
}

export interface TFrameworkCoverage {
  readonly framework: TFrameworkId;
  readonly name: string;
  /** Only the categories or controls that some given obligation maps to, in the framework's order. */
  readonly items: TCoverageItem[];
  readonly coveredItems: number;
}

export interface TCoverage {
  readonly frameworks: TFrameworkCoverage[];
  /** Articles the mapping does not know (e.g. stored under an older ruleset), left out of the counts. */
  readonly unmapped: string[];
}

/**
 * Coverage per framework: for each category or control that the given obligations map to, which
 * obligations map to it and how many are met. Obligations marked not applicable count as done
 * but are reported separately, since their note, not evidence, carries them.
 */
export function coverage(obligations: readonly TObligationWithStatus[]): TCoverage {
  const articleOrder = Object.keys(FRAMEWORK_MAPPING);
  const unmapped = [...new Set(obligations.map((o) => o.article).filter((a) => !articleOrder.includes(a)))].sort();
  const mapped = obligations.filter((o) => articleOrder.includes(o.article));

  const frameworkCoverage = <R extends string>(framework: TFrameworkId, titles: Record<R, string>, refsOf: (m: TFrameworkMapping) => readonly R[]): TFrameworkCoverage => {
    const items = (Object.keys(titles) as R[]).flatMap((ref): TCoverageItem[] => {
      const here = mapped.filter((o) => refsOf(FRAMEWORK_MAPPING[o.article as TObligationArticle]).includes(ref));
      if (here.length === 0) return [];
      const met = here.filter((o) => o.status === "met").length;
      const notApplicable = here.filter((o) => o.status === "not_applicable").length;
      const articles = articleOrder.filter((a) => here.some((o) => o.article === a));
      return [{ ref, title: titles[ref], articles, total: here.length, met, notApplicable, covered: met + notApplicable === here.length }];
    });
    return { framework, name: FRAMEWORK_NAMES[framework], items, coveredItems: items.filter((i) => i.covered).length };
  };

  return {
    frameworks: [
      frameworkCoverage("nist-ai-rmf-1.0", NIST_REFS, (m) => m.nist),
      frameworkCoverage("iso-iec-42001-2023", ISO_REFS, (m) => m.iso),
    ],
    unmapped,
  };
}
