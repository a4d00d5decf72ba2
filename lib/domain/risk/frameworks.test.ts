import { describe, expect, it } from "vitest";
import { coverage, FRAMEWORK_MAPPING, frameworkRefs, ISO_REFS, NIST_REFS, type TObligationWithStatus } from "./frameworks";
import { OBLIGATION_ARTICLES } from "./obligations";
import { evaluateRisk } from "./ruleset";
import { answers } from "./test-support";

describe("FRAMEWORK_MAPPING", () => {
  it("maps every obligation article to both frameworks", () => {
    expect(Object.keys(FRAMEWORK_MAPPING)).toEqual([...OBLIGATION_ARTICLES]);
    for (const mapping of Object.values(FRAMEWORK_MAPPING)) {
      expect(mapping.nist.length).toBeGreaterThan(0);
      expect(mapping.iso.length).toBeGreaterThan(0);
    }
  });

  it("marks as Attest's extension exactly the articles the reference table has no row for", () => {
    expect(Object.entries(FRAMEWORK_MAPPING).filter(([, m]) => m.source.kind === "extension").map(([article]) => article)).toEqual([
      "Art. 23", "Art. 24", "Art. 26", "Art. 43", "Art. 47", "Art. 55",
    ]);
  });

  it("uses every listed category and control, and only those", () => {
    const used = (refsOf: (m: (typeof FRAMEWORK_MAPPING)[keyof typeof FRAMEWORK_MAPPING]) => readonly string[]) =>
      new Set(Object.values(FRAMEWORK_MAPPING).flatMap(refsOf));
    expect(used((m) => m.nist)).toEqual(new Set(Object.keys(NIST_REFS)));
    expect(used((m) => m.iso)).toEqual(new Set(Object.keys(ISO_REFS)));
  });

  it.each<[string, string[], string[]]>([
    // Rows of the reference's mapping table, ranges expanded.
    ["Art. 4", ["GOVERN 2.2"], ["Clause 7.2", "Clause 7.3", "A.4.6"]],
    ["Art. 5", ["GOVERN 1.1", "MAP 1.1", "MAP 2"], ["A.9.4", "A.6.2.2", "A.5.2"]],
    ["Art. 9", ["GOVERN 1.4", "MAP 1", "MAP 2", "MAP 3", "MAP 4", "MAP 5", "MEASURE 1", "MEASURE 2", "MEASURE 3", "MANAGE 1"], ["Clause 6.1", "Clause 8.2", "Clause 8.3"]],
    ["Art. 10", ["MAP 2.3", "MEASURE 2.10", "MEASURE 2.11"], ["A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.4.3"]],
    ["Art. 11", ["MEASURE 2.9"], ["A.6.2.3", "A.6.2.7", "A.4.2"]],
    ["Art. 12", ["MEASURE 2.4", "MANAGE 4.1"], ["A.6.2.8"]],
    ["Art. 13", ["MEASURE 2.8", "MEASURE 2.9"], ["A.8.2", "A.8.5", "A.9.4"]],
    ["Art. 14", ["MAP 3.5", "MANAGE 2.4"], ["A.9.2", "A.9.3"]],
    ["Art. 15", ["MEASURE 2.3", "MEASURE 2.5", "MEASURE 2.6", "MEASURE 2.7"], ["A.6.2.4", "A.6.2.6"]],
    ["Art. 17", ["GOVERN 1", "GOVERN 2", "GOVERN 4"], ["Clause 4", "Clause 5", "Clause 6", "Clause 7", "Clause 8", "Clause 9", "Clause 10", "A.2", "A.3"]],
    ["Art. 27", ["MAP 5.1", "MAP 5.2"], ["Clause 8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]],
    ["Art. 49(1)", ["GOVERN 1.6"], ["A.4.2", "A.8.3"]],
    ["Art. 50", ["MEASURE 2.8", "MEASURE 2.9"], ["A.8.2", "A.8.5", "A.9.4"]],
    ["Art. 72", ["MEASURE 2.4", "MEASURE 3.1", "MANAGE 4.1"], ["Clause 9.1", "A.6.2.6"]],
    ["Art. 73", ["GOVERN 4.3", "MANAGE 4.3"], ["Clause 10.2", "A.8.4", "A.3.3"]],
  ])("%s ↔ NIST %j, ISO %j", (article, nist, iso) => {
    const refs = frameworkRefs(article);
    expect(refs?.nist.map((r) => r.ref)).toEqual(nist);
    expect(refs?.iso.map((r) => r.ref)).toEqual(iso);
  });

  it("gives titles with the references and null for an unknown article", () => {
    expect(frameworkRefs("Art. 27")?.nist[0]).toEqual({ ref: "MAP 5.1", title: "Likelihood and magnitude of each identified impact are identified and documented" });
    expect(frameworkRefs("Art. 99")).toBeNull();
  });
});

describe("coverage", () => {
  it("counts, per category and control, the obligations that map to it and how many are met", () => {
    const obligations: TObligationWithStatus[] = [
      { article: "Art. 4", status: "met" },
      { article: "Art. 12", status: "in_progress" },
      { article: "Art. 72", status: "met" },
      { article: "Art. 26", status: "not_applicable" },
    ];
    const result = coverage(obligations);
    expect(result.unmapped).toEqual([]);
    const [nist, iso] = result.frameworks;
    expect(nist.name).toBe("NIST AI RMF 1.0");
    expect(nist.items.map(({ ref, articles, total, met, notApplicable, covered }) => ({ ref, articles, total, met, notApplicable, covered }))).toEqual([
      { ref: "GOVERN 2.2", articles: ["Art. 4"], total: 1, met: 1, notApplicable: 0, covered: true },
      { ref: "MAP 3.5", articles: ["Art. 26"], total: 1, met: 0, notApplicable: 1, covered: true },
      { ref: "MEASURE 2.4", articles: ["Art. 12", "Art. 26", "Art. 72"], total: 3, met: 1, notApplicable: 1, covered: false },
      { ref: "MEASURE 3.1", articles: ["Art. 72"], total: 1, met: 1, notApplicable: 0, covered: true },
      { ref: "MANAGE 2.4", articles: ["Art. 26"], total: 1, met: 0, notApplicable: 1, covered: true },
      { ref: "MANAGE 4.1", articles: ["Art. 12", "Art. 26", "Art. 72"], total: 3, met: 1, notApplicable: 1, covered: false },
    ]);
    expect(nist.coveredItems).toBe(4);
    expect(iso.name).toBe("ISO/IEC 42001:2023");
    expect(iso.items.map((i) => [i.ref, i.met, i.total])).toEqual([
      ["Clause 7.2", 1, 1],
      ["Clause 7.3", 1, 1],
      ["Clause 9.1", 1, 1],
      ["A.4.6", 1, 1],
      ["A.6.2.6", 1, 1],
      ["A.6.2.8", 0, 2],
      ["A.9.2", 0, 1],
      ["A.9.3", 0, 1],
      ["A.9.4", 0, 1],
    ]);
  });

  it("adds up a portfolio, and reports articles it cannot map", () => {
    const obligations: TObligationWithStatus[] = [
      { article: "Art. 27", status: "met" },
      { article: "Art. 27", status: "not_started" },
      { article: "Art. 27", status: "met" },
      { article: "Art. 6(7)", status: "met" },
    ];
    const { frameworks, unmapped } = coverage(obligations);
    expect(unmapped).toEqual(["Art. 6(7)"]);
    expect(frameworks[0].items.map((i) => [i.ref, i.met, i.total])).toEqual([
      ["MAP 5.1", 2, 3],
      ["MAP 5.2", 2, 3],
    ]);
  });

  it("covers nothing for no obligations", () => {
    expect(coverage([])).toEqual({
      frameworks: [
        { framework: "nist-ai-rmf-1.0", name: "NIST AI RMF 1.0", items: [], coveredItems: 0 },
        { framework: "iso-iec-42001-2023", name: "ISO/IEC 42001:2023", items: [], coveredItems: 0 },
      ],
      unmapped: [],
    });
  });

  it("takes a classification's obligations as they come", () => {
    const obligations = evaluateRisk(answers({ annexIIIPoints: ["5(b)"] })).obligations.map((o) => ({ article: o.article, status: "not_started" as const }));
    const { frameworks, unmapped } = coverage(obligations);
    expect(unmapped).toEqual([]);
    expect(frameworks[0].items.length).toBeGreaterThan(20);
    expect(frameworks.every((f) => f.coveredItems === 0)).toBe(true);
  });
});
