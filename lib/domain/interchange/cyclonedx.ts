import type { TModelCard } from "../model-card/template";
import { filledValue } from "../model-card/values";

/*
 * A model version as a CycloneDX 1.6 bill of materials: the model is the BOM's subject
 * (metadata.component, type machine-learning-model, with its modelCard), and each dataset
 * reference is a component of type data that the model card points at. Field names follow
 * the CycloneDX 1.6 JSON schema; the test validates every export against it.
 */

export interface TCycloneDxInput {
  card: TModelCard;
  model: { name: string; slug: string; purpose?: string | null; tags: readonly string[] };
  version: { version: string; artifactUri?: string | null; framework?: string | null; createdAt: Date | string };
  datasets: readonly { role: string; name: string; version?: string | null; uri?: string | null; contentHash?: string | null }[];
  evaluations: readonly {
    name: string;
    metrics: readonly { type: string; value: number; ci?: readonly [number, number] | null }[];
    fairness: readonly { groupAtRisk: string; benefits?: string | null; harms?: string | null; mitigationStrategy?: string | null }[];
  }[];
  /** urn:uuid:…, new for every export as the spec asks. */
  serialNumber: string;
  timestamp: Date | string;
  /** Where the card can be read in Attest, when the caller knows its address. */
  cardUrl?: string | null;
}

/** The parts callers read; the rest is as the CycloneDX 1.6 schema describes. */
export type TCycloneDxComponent = Record<string, unknown> & { type: string; "bom-ref": string; name: string; modelCard?: Record<string, unknown> };
export interface TCycloneDxBom {
  bomFormat: "CycloneDX";
  specVersion: "1.6";
  serialNumber: string;
  version: number;
  metadata: { timestamp: string; tools: unknown; component: TCycloneDxComponent };
  /** Absent when the version has no dataset references. */
  components?: TCycloneDxComponent[];
}

export function toCycloneDx(input: TCycloneDxInput): TCycloneDxBom {
  const datasets = datasetComponents(input.datasets);
  const bom = {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: input.serialNumber,
    version: 1,
    metadata: {
      timestamp: isoTime(input.timestamp),
      tools: { components: [{ type: "application", name: "Attest" }] },
      component: modelComponent(input, datasets.map((d) => d["bom-ref"])),
    },
    components: datasets,
  };
  return prune(bom) as unknown as TCycloneDxBom;
}

function modelComponent(input: TCycloneDxInput, datasetRefs: string[]) {
  const { card, model, version } = input;
  const text = (section: string, field: string) => filledValue(card, section, field) as string | null;
  const list = (section: string, field: string) => filledValue(card, section, field) as string[] | null;
  const provider = text("modelDetails", "provider");
  const contact = text("modelDetails", "contact");
  const license = text("modelDetails", "license");
  const documentation = text("modelDetails", "documentationUrl");
  return {
    type: "machine-learning-model",
    "bom-ref": `model/${model.slug}@${version.version}`,
    supplier: provider ? { name: provider, contact: contact ? [{ email: contact }] : [] } : undefined,
    name: model.name,
    version: version.version,
    description: text("modelDetails", "description") ?? model.purpose ?? undefined,
    licenses: license ? [{ license: { name: license } }] : [],
    externalReferences: [
      version.artifactUri ? { type: "distribution", url: iriReference(version.artifactUri), comment: "Model artifact" } : undefined,
      documentation ? { type: "documentation", url: documentation } : undefined,
      input.cardUrl ? { type: "model-card", url: iriReference(input.cardUrl) } : undefined,
    ],
    modelCard: {
      modelParameters: {
        approach: learningApproach(text("modelDetails", "modelType")),
        task: text("modelDetails", "task"),
        architectureFamily: text("modelDetails", "architectureFamily"),
        modelArchitecture: text("modelDetails", "architecture"),
        datasets: datasetRefs.map((ref) => ({ ref })),
        inputs: (list("modelDetails", "inputs") ?? []).map((format) => ({ format })),
        outputs: (list("modelDetails", "outputs") ?? []).map((format) => ({ format })),
      },
      quantitativeAnalysis: { performanceMetrics: performanceMetrics(input.evaluations) },
      considerations: {
        users: list("intendedUse", "primaryUsers"),
        useCases: [text("intendedUse", "primaryUses")],
        technicalLimitations: [text("caveatsAndRecommendations", "knownLimitations")],
        ethicalConsiderations: [
          text("ethicalConsiderations", "risks") || text("ethicalConsiderations", "mitigations")
            ? { name: text("ethicalConsiderations", "risks"), mitigationStrategy: text("ethicalConsiderations", "mitigations") }
            : undefined,
        ],
        fairnessAssessments: input.evaluations.flatMap((e) => e.fairness.map((f) => ({ ...f }))),
      },
    },
    properties: [
      version.framework ? { name: "attest:framework", value: version.framework } : undefined,
      { name: "attest:model-slug", value: model.slug },
      { name: "attest:version-created-at", value: isoTime(version.createdAt) },
    ],
    tags: [...new Set(model.tags)],
  };
}

/**
 * Each metric of each evaluation. A BOM can carry several evaluations of one version, so the
 * metric's slice names the evaluation it was computed in.
 */
function performanceMetrics(evaluations: TCycloneDxInput["evaluations"]) {
  return evaluations.flatMap((evaluation) =>
    evaluation.metrics.map((m) => ({
      type: m.type,
      value: String(m.value),
      slice: evaluation.name,
      confidenceInterval: m.ci ? { lowerBound: String(m.ci[0]), upperBound: String(m.ci[1]) } : undefined,
    })),
  );
}

function datasetComponents(datasets: TCycloneDxInput["datasets"]) {
  const refs = new Set<string>();
  return datasets.map((d) => {
    let ref = `dataset/${d.role}/${d.name}@${d.version ?? "unversioned"}`;
    // bom-refs must be unique in a BOM; the same dataset listed twice still gets two components.
    for (let n = 2; refs.has(ref); n++) ref = `dataset/${d.role}/${d.name}@${d.version ?? "unversioned"}#${n}`;
    refs.add(ref);
    const sha256 = d.contentHash ? SHA256.exec(d.contentHash.trim())?.[1] : undefined;
    return {
      type: "data",
      "bom-ref": ref,
      name: d.name,
      version: d.version ?? undefined,
      hashes: sha256 ? [{ alg: "SHA-256", content: sha256.toLowerCase() }] : [],
      data: [{ type: "dataset", name: d.name, contents: d.uri ? { url: iriReference(d.uri) } : undefined, description: `${d.role} data` }],
      properties: [
        { name: "attest:dataset-role", value: d.role },
        // A hash in another form is not dropped: CycloneDX hashes only take known algorithms.
        d.contentHash && !sha256 ? { name: "attest:content-hash", value: d.contentHash } : undefined,
      ],
    };
  });
}

const SHA256 = /^(?:sha-?256:)?([0-9a-f]{64})$/i;

// The schema's learning types, recognised in the card's free-text model type; the more
// specific words first, since "semi-supervised" also contains "supervised".
const LEARNING_TYPES: readonly [RegExp, string][] = [
  [/semi[- ]?supervised/, "semi-supervised"],
  [/self[- ]?supervised/, "self-supervised"],
  [/unsupervised/, "unsupervised"],
  [/reinforcement/, "reinforcement-learning"],
  [/supervised/, "supervised"],
];

/** Left out when the model type names no learning type: a guess would be a false claim. */
function learningApproach(modelType: string | null): { type: string } | undefined {
  const type = LEARNING_TYPES.find(([words]) => words.test(modelType?.toLowerCase() ?? ""))?.[1];
  return type ? { type } : undefined;
}

/** Artifact URIs (DVC paths, MLflow runs, table names) as IRI references: spaces and the like percent-encoded. */
function iriReference(uri: string): string {
  return uri.trim().replace(/[\s<>"{}|\\^`]/g, (c) => encodeURIComponent(c));
}

function isoTime(value: Date | string): string {
  return new Date(value).toISOString();
}

/** Leaves out undefined and null members and empty arrays and objects, which CycloneDX would read as claims of nothing. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value ?? undefined;
}
