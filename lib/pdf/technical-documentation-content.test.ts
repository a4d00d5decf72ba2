import { describe, expect, expectTypeOf, it } from "vitest";
import { emptyModelCard } from "@/lib/domain/model-card/schema";
import type { EvaluationResponse } from "@/lib/services/evaluations/queries";
import { exampleTechnicalDocumentationData } from "./examples";
import { evidenceManifest, missingInformation, notifiedBodyRequired } from "./technical-documentation-content";
import type { TDocumentedEvaluation, TTechnicalDocumentationData } from "./technical-documentation-data";

describe("missing information", () => {
  it("for the fully documented example, is only the unsigned declaration of conformity", () => {
    expect(missingInformation(exampleTechnicalDocumentationData())).toEqual([
      { where: "8", what: "Annex V 8: place of issue" },
      { where: "8", what: "Annex V 8: date of issue" },
      { where: "8", what: "Annex V 8: name and function of the signatory, and on whose behalf" },
    ]);
  });

  it("names each empty required card field at every point that prints it", () => {
    const data = exampleTechnicalDocumentationData();
    delete data.card!.content.trainingData.provenance;
    delete data.card!.content.intendedUse.deploymentContext;
    const missing = missingInformation(data);
    expect(missing).toContainEqual({ where: "2(d)", what: "Training data › Provenance and original purpose" });
    expect(missing.filter((m) => m.what === "Intended use › Deployment context").map((m) => m.where)).toEqual(["1(b)", "1(d)"]);
  });

  it("does not count an empty optional field as missing", () => {
    const data = exampleTechnicalDocumentationData();
    delete data.card!.content.modelDetails.citation;
    expect(missingInformation(data).some((m) => m.what.includes("Citation"))).toBe(false);
  });

  it("holds an unclassified system to the high-risk requirements and lists what a bare version lacks", () => {
    const bare: TTechnicalDocumentationData = {
      ...exampleTechnicalDocumentationData(),
      card: { revision: 1, contentSha256: "0".repeat(64), content: emptyModelCard(), author: "a@example.com", at: "2026-01-01T00:00:00.000Z" },
      classification: null,
      datasets: [],
      evaluations: [],
      obligations: [],
      dossierSha256: null,
      signingKey: null,
      auditHead: null,
    };
    const missing = missingInformation(bare);
    const where = (ref: string) => missing.filter((m) => m.where === ref).map((m) => m.what);
    expect(where("Cover")).toEqual(["Risk tier and legal basis", "Dossier SHA-256", "Audit signing key"]);
    expect(where("2(d)")).toContain("Training data › Datasets and sources");
    expect(where("2(d)")).toContain("Reference to the training dataset");
    expect(where("2(g)")).toContain("Test reports (no evaluation recorded)");
    expect(where("3.2")).toEqual(["Factors › Relevant groups", "Measured accuracy per group (no evaluation recorded)"]);
    expect(where("5.1")).toEqual(["Risk classification"]);
    expect(where("Evidence manifest")).toEqual(["Audit chain head at issue"]);
    // Optional for every tier: never listed.
    expect(missing.some((m) => m.what.includes("Special categories"))).toBe(false);
  });

  it("asks for a sign-off of every unsigned test report and for evidence of obligations marked met", () => {
    const data = exampleTechnicalDocumentationData();
    data.evaluations[0]!.approvers = [];
    data.obligations[0]!.evidence = [];
    const missing = missingInformation(data);
    expect(missing).toContainEqual({ where: "2(g)", what: `Sign-off of the test report “${data.evaluations[0]!.name}”` });
    expect(missing).toContainEqual({ where: "5.3", what: `Evidence for ${data.obligations[0]!.article} (marked met without evidence)` });
  });
});

describe("the notified body (Annex V point 7)", () => {
  it("is required for Annex III point 1 and Annex I products only", () => {
    const data = exampleTechnicalDocumentationData();
    expect(notifiedBodyRequired(data)).toBe(false);
    data.classification!.legalBasis = [{ article: "Art. 6(2)", point: "Annex III 1(a)", text: "Remote biometric identification" }];
    expect(notifiedBodyRequired(data)).toBe(true);
  });
});

describe("the evidence manifest", () => {
  it("lists the dossier, every card revision, evaluation input, evidence file and dataset", () => {
    const data = exampleTechnicalDocumentationData();
    const entries = evidenceManifest(data);
    const count = (group: string) => entries.filter((e) => e.group === group).length;
    expect(count("Dossier")).toBe(1);
    expect(count("Model card")).toBe(data.cardRevisions.length);
    expect(count("Evaluation input")).toBe(data.evaluations.length);
    expect(count("Evidence file")).toBe(data.obligations.flatMap((o) => o.evidence).filter((e) => e.sha256).length);
    expect(count("Dataset")).toBe(3);
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
  });
});

describe("the evaluation data", () => {
  it("is the API's evaluation shape (issue 5) plus approvers; thresholds are stored as JSON and parsed by the data gatherer", () => {
    expectTypeOf<Omit<EvaluationResponse, "thresholds" | "mapping" | "latencyMs">>().toExtend<Omit<TDocumentedEvaluation, "approvers" | "thresholds">>();
  });
});
