import { describe, expect, it } from "vitest";
import { PROHIBITED_PRACTICE_TEXTS, type TAnnexIIIPoint, type TDerogationCondition, type TOperatorRole, type TProhibitedPractice, type TTransparencyTrigger } from "./act";
import { OBLIGATION_ARTICLES, type TObligationArticle } from "./obligations";
import { evaluateRisk, parseRiskAnswers, RULESET_VERSION, ZRiskAnswersSchema, type TRiskAnswersInput } from "./ruleset";
import { answers, randomAnswers, seededRandom } from "./test-support";

const evaluate = (partial: Partial<TRiskAnswersInput> = {}) => evaluateRisk(answers(partial));
const articles = (partial: Partial<TRiskAnswersInput>) => evaluate(partial).obligations.map((o) => o.article);
const basis = (partial: Partial<TRiskAnswersInput>) => evaluate(partial).legalBasis.map(({ article, point }) => (point ? `${article} ${point}` : article));

const HIGH_RISK_PROVIDER_ANNEX_III = [
  "Art. 4", "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17", "Art. 43", "Art. 47", "Art. 49(1)", "Art. 72", "Art. 73",
];
const HIGH_RISK_PROVIDER_ANNEX_I = [
  "Art. 4", "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17", "Art. 43", "Art. 47", "Art. 72", "Art. 73",
];
const ACCEPTED_KEYS =
  '"role", "publicBodyOrPublicService", "prohibitedPractices", "annexISafetyComponent", "annexIThirdPartyAssessment", "annexIIIPoints", "derogation", "profiling", "transparency", "gpai", "trainingComputeFlops", "gpaiDesignatedSystemic"';

describe("ZRiskAnswersSchema", () => {
  it("fills every unanswered key with its 'no' answer", () => {
    expect(ZRiskAnswersSchema.parse({ role: "deployer" })).toEqual({
      role: "deployer",
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
    });
  });

  it("drops duplicate codes and puts them in the Act's order", () => {
    const parsed = ZRiskAnswersSchema.parse({
      role: "provider",
      prohibitedPractices: ["omnibus:intimate-content", "5(1)(h)", "5(1)(a)", "5(1)(h)"],
      annexIIIPoints: ["8(b)", "2", "1(a)", "2"],
      derogation: ["d", "a", "d"],
      transparency: ["50(4)", "50(1)"],
    });
    expect(parsed.prohibitedPractices).toEqual(["5(1)(a)", "5(1)(h)", "omnibus:intimate-content"]);
    expect(parsed.annexIIIPoints).toEqual(["1(a)", "2", "8(b)"]);
    expect(parsed.derogation).toEqual(["a", "d"]);
    expect(parsed.transparency).toEqual(["50(1)", "50(4)"]);
  });

  it("accepts every code of every list", () => {
    const all = {
      role: "provider",
      prohibitedPractices: ["5(1)(a)", "5(1)(b)", "5(1)(c)", "5(1)(d)", "5(1)(e)", "5(1)(f)", "5(1)(g)", "5(1)(h)", "omnibus:intimate-content"],
      annexIIIPoints: ["1(a)", "1(b)", "1(c)", "2", "3(a)", "3(b)", "3(c)", "3(d)", "4(a)", "4(b)", "5(a)", "5(b)", "5(c)", "5(d)", "6(a)", "6(b)", "6(c)", "6(d)", "6(e)", "7(a)", "7(b)", "7(c)", "7(d)", "8(a)", "8(b)"],
      derogation: ["a", "b", "c", "d"],
      transparency: ["50(1)", "50(2)", "50(3)", "50(4)"],
    };
    const parsed = parseRiskAnswers(all);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.answers).toMatchObject(all);
  });

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ["an unknown key", { role: "provider", colour: "red" }, [{ path: "colour", message: `Unknown key "colour"; the answers accept ${ACCEPTED_KEYS}.` }]],
    [
      "two unknown keys, one error each",
      { role: "provider", annexIII: ["5(b)"], gpaiSystemic: true },
      [
        { path: "annexIII", message: `Unknown key "annexIII"; the answers accept ${ACCEPTED_KEYS}.` },
        { path: "gpaiSystemic", message: `Unknown key "gpaiSystemic"; the answers accept ${ACCEPTED_KEYS}.` },
      ],
    ],
    ["a missing role", {}, [{ path: "role", message: 'role must be one of "provider", "deployer", "importer", "distributor".' }]],
    ["an unknown role", { role: "user" }, [{ path: "role", message: 'Unknown value "user" for role; expected one of "provider", "deployer", "importer", "distributor".' }]],
    [
      "an unknown Art. 5 practice",
      { role: "provider", prohibitedPractices: ["5(1)(a)", "5(1)(i)"] },
      [{ path: "prohibitedPractices.1", message: 'Unknown value "5(1)(i)" in prohibitedPractices; expected one of "5(1)(a)", "5(1)(b)", "5(1)(c)", "5(1)(d)", "5(1)(e)", "5(1)(f)", "5(1)(g)", "5(1)(h)", "omnibus:intimate-content".' }],
    ],
    [
      "a lettered point in area 2, which has none",
      { role: "provider", annexIIIPoints: ["2(a)"] },
      [{ path: "annexIIIPoints.0", message: expect.stringMatching(/^Unknown value "2\(a\)" in annexIIIPoints; expected one of "1\(a\)", .*"2", "3\(a\)"/) }],
    ],
    [
      "an Art. 6(3) condition that does not exist",
      { role: "provider", derogation: ["e"] },
      [{ path: "derogation.0", message: 'Unknown value "e" in derogation; expected one of "a", "b", "c", "d".' }],
    ],
    [
      "Art. 50(5), which is not a trigger",
      { role: "provider", transparency: ["50(5)"] },
      [{ path: "transparency.0", message: 'Unknown value "50(5)" in transparency; expected one of "50(1)", "50(2)", "50(3)", "50(4)".' }],
    ],
    [
      "a code that is not text",
      { role: "provider", derogation: [1] },
      [{ path: "derogation.0", message: 'Each value of derogation must be one of "a", "b", "c", "d".' }],
    ],
    ["a list given as one code", { role: "provider", transparency: "50(1)" }, [{ path: "transparency", message: 'transparency must be a list of "50(1)", "50(2)", "50(3)", "50(4)".' }]],
    ["a yes/no given as text", { role: "provider", gpai: "yes" }, [{ path: "gpai", message: "gpai must be true or false." }]],
    ["compute given as text", { role: "provider", trainingComputeFlops: "1e25" }, [{ path: "trainingComputeFlops", message: "trainingComputeFlops must be a finite number of FLOPs, or null." }]],
    ["negative compute", { role: "provider", trainingComputeFlops: -1 }, [{ path: "trainingComputeFlops", message: "trainingComputeFlops cannot be negative." }]],
    ["infinite compute", { role: "provider", trainingComputeFlops: Infinity }, [{ path: "trainingComputeFlops", message: "trainingComputeFlops must be a finite number of FLOPs, or null." }]],
    ["not an object", ["provider"], [{ path: "", message: "The answers must be a JSON object." }]],
    ["null", null, [{ path: "", message: "The answers must be a JSON object." }]],
  ])("rejects %s, naming it", (_, input, errors) => {
    expect(parseRiskAnswers(input)).toEqual({ success: false, errors });
  });
});

describe("evaluateRisk: the result", () => {
  it("records the ruleset version", () => {
    expect(evaluate().rulesetVersion).toBe("eu-ai-act-2024-1689/2026-omnibus");
    expect(RULESET_VERSION).toBe("eu-ai-act-2024-1689/2026-omnibus");
  });

  it("is minimal, with only AI literacy, when nothing fires", () => {
    const result = evaluate();
    expect(result).toMatchObject({
      tier: "minimal",
      flags: { gpai: false, gpaiSystemicRisk: false, transparency: [], derogationApplied: false },
      legalBasis: [],
    });
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4"]);
    expect(result.rationale).toMatch(/^Minimal risk\. No rule of Art\. 5, Art\. 6 or Art\. 50 applies/);
  });

  it("gives the issue's example legal basis for a credit-scoring model", () => {
    expect(evaluate({ annexIIIPoints: ["5(b)"] }).legalBasis).toEqual([
      {
        article: "Art. 6(2)",
        point: "Annex III 5(b)",
        text: "Access to essential private and public services and benefits: Evaluating the creditworthiness of natural persons or establishing their credit score, excluding systems used to detect financial fraud",
      },
    ]);
  });
});

describe("Art. 5: prohibited practices", () => {
  it.each<[TProhibitedPractice, string, string, string, string]>([
    ["5(1)(a)", "Art. 5(1)", "(a)", "2025-02-02", "in force"],
    ["5(1)(b)", "Art. 5(1)", "(b)", "2025-02-02", "in force"],
    ["5(1)(c)", "Art. 5(1)", "(c)", "2025-02-02", "in force"],
    ["5(1)(d)", "Art. 5(1)", "(d)", "2025-02-02", "in force"],
    ["5(1)(e)", "Art. 5(1)", "(e)", "2025-02-02", "in force"],
    ["5(1)(f)", "Art. 5(1)", "(f)", "2025-02-02", "in force"],
    ["5(1)(g)", "Art. 5(1)", "(g)", "2025-02-02", "in force"],
    ["5(1)(h)", "Art. 5(1)", "(h)", "2025-02-02", "in force"],
    ["omnibus:intimate-content", "Art. 5 (as amended by the 2026 Digital Omnibus on AI)", "non-consensual intimate content and CSAM", "2026-12-02", "adopted, awaiting Official Journal publication"],
  ])("%s alone makes the system prohibited", (practice, article, point, appliesFrom, legalStatus) => {
    const result = evaluate({ prohibitedPractices: [practice] });
    expect(result.tier).toBe("prohibited");
    expect(result.legalBasis).toEqual([
      {
        article,
        point,
        text: PROHIBITED_PRACTICE_TEXTS[practice].text,
        ...(practice === "omnibus:intimate-content" ? { legalStatus: "adopted, awaiting Official Journal publication" } : {}),
      },
    ]);
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 5"]);
    expect(result.obligations[1]).toMatchObject({ article: "Art. 5", appliesFrom, legalStatus });
    expect(result.rationale).toMatch(/^Prohibited\. /);
    expect(result.rationale).toContain("(Art. 99(3))");
  });

  // An exception is expressed by not listing the practice: the system is then classified on the
  // rest of the answers, where the Act usually catches it again.
  it.each<[TProhibitedPractice, string, Partial<TRiskAnswersInput>, string, string[]]>([
    ["5(1)(a)", "distortion without significant harm", {}, "minimal", []],
    ["5(1)(b)", "no material distortion", {}, "minimal", []],
    ["5(1)(c)", "an evaluation without detrimental treatment", {}, "minimal", []],
    ["5(1)(d)", "supporting a human assessment based on objective, verifiable facts", { annexIIIPoints: ["6(d)"] }, "high", ["Art. 6(2) Annex III 6(d)"]],
    ["5(1)(e)", "targeted collection of images", {}, "minimal", []],
    ["5(1)(f)", "emotion recognition for medical or safety reasons", { annexIIIPoints: ["1(c)"], transparency: ["50(3)"] }, "high", ["Art. 6(2) Annex III 1(c)", "Art. 50(3)"]],
    ["5(1)(g)", "law-enforcement categorisation or lawful dataset labelling", { annexIIIPoints: ["1(b)"] }, "high", ["Art. 6(2) Annex III 1(b)"]],
    ["5(1)(h)", "a search for a missing person under Art. 5(2)–(7)", { annexIIIPoints: ["1(a)"] }, "high", ["Art. 6(2) Annex III 1(a)"]],
    ["omnibus:intimate-content", "consensual synthetic imagery", { transparency: ["50(2)", "50(4)"] }, "limited", ["Art. 50(2)", "Art. 50(4)"]],
  ])("%s under its exception (%s) is not listed and not prohibited", (practice, _, rest, tier, expectedBasis) => {
    expect(evaluate({ ...rest, prohibitedPractices: [practice] }).tier).toBe("prohibited");
    expect(evaluate(rest).tier).toBe(tier);
    expect(basis(rest)).toEqual(expectedBasis);
  });

  it("does not assess Art. 6 or Art. 50 once a practice applies, but keeps the GPAI duties", () => {
    const result = evaluate({
      prohibitedPractices: ["5(1)(g)", "5(1)(c)"],
      annexISafetyComponent: true,
      annexIThirdPartyAssessment: true,
      annexIIIPoints: ["1(b)", "5(b)"],
      derogation: ["a"],
      transparency: ["50(1)", "50(3)"],
      gpai: true,
      trainingComputeFlops: 2e25,
    });
    expect(result.tier).toBe("prohibited");
    expect(result.flags).toEqual({ gpai: true, gpaiSystemicRisk: true, transparency: [], derogationApplied: false });
    expect(result.legalBasis.map((b) => `${b.article} ${b.point ?? ""}`.trim())).toEqual(["Art. 5(1) (c)", "Art. 5(1) (g)", "Art. 53", "Art. 51(2)"]);
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 5", "Art. 53", "Art. 55"]);
    expect(result.rationale).toContain("the high-risk (Art. 6) and transparency (Art. 50) questions were not assessed");
  });

  it("dates Art. 5 from the earliest practice that applies", () => {
    const both = evaluate({ prohibitedPractices: ["omnibus:intimate-content", "5(1)(a)"] }).obligations.find((o) => o.article === "Art. 5");
    expect(both).toMatchObject({ appliesFrom: "2025-02-02", legalStatus: "in force" });
    expect(both?.note).toContain("applies from 2 Dec 2026");
  });
});

describe("Art. 6(1): Annex I", () => {
  it.each<[boolean, boolean, string, string[]]>([
    [true, true, "high", ["Art. 6(1) Annex I"]],
    [true, false, "minimal", []],
    [false, true, "minimal", []],
    [false, false, "minimal", []],
  ])("safety component %s, third-party assessment %s → %s", (annexISafetyComponent, annexIThirdPartyAssessment, tier, expectedBasis) => {
    const partial = { annexISafetyComponent, annexIThirdPartyAssessment };
    expect(evaluate(partial).tier).toBe(tier);
    expect(basis(partial)).toEqual(expectedBasis);
  });

  it("explains why a safety component without third-party assessment is not high-risk", () => {
    expect(evaluate({ annexISafetyComponent: true }).rationale).toContain(
      "the product does not need third-party conformity assessment, so Art. 6(1) does not make it high-risk",
    );
  });

  it("gives an Annex I provider the high-risk obligations from the Annex I date, without EU registration", () => {
    const result = evaluate({ annexISafetyComponent: true, annexIThirdPartyAssessment: true });
    expect(result.obligations.map((o) => o.article)).toEqual(HIGH_RISK_PROVIDER_ANNEX_I);
    for (const o of result.obligations.slice(1)) {
      expect(o).toMatchObject({ appliesFrom: "2028-08-02", appliesFromUnderAct: "2027-08-02", legalStatus: "adopted, awaiting Official Journal publication" });
    }
    expect(result.rationale).toContain("Art. 49(1) covers Annex III systems, and this one is high-risk through Annex I only");
    expect(result.obligations.find((o) => o.article === "Art. 11")?.checklist).toContain(
      "For a product under Annex I Section A legislation, keep a single set of technical documentation.",
    );
  });

  it("takes the earlier (Annex III) date for a system on both routes", () => {
    const result = evaluate({ annexISafetyComponent: true, annexIThirdPartyAssessment: true, annexIIIPoints: ["5(d)"] });
    expect(basis({ annexISafetyComponent: true, annexIThirdPartyAssessment: true, annexIIIPoints: ["5(d)"] })).toEqual(["Art. 6(1) Annex I", "Art. 6(2) Annex III 5(d)"]);
    expect(result.obligations.find((o) => o.article === "Art. 9")).toMatchObject({ appliesFrom: "2027-12-02", appliesFromUnderAct: "2026-08-02" });
  });
});

describe("Art. 6(2): every Annex III point", () => {
  it.each<[TAnnexIIIPoint, string]>([
    ["1(a)", "Biometrics: Remote biometric identification"],
    ["1(b)", "Biometrics: Biometric categorisation according to sensitive or protected attributes"],
    ["1(c)", "Biometrics: Emotion recognition"],
    ["2", "Critical infrastructure: Safety components in the management and operation of critical digital infrastructure"],
    ["3(a)", "Education and vocational training: Determining access or admission"],
    ["3(b)", "Education and vocational training: Evaluating learning outcomes"],
    ["3(c)", "Education and vocational training: Assessing the appropriate level of education"],
    ["3(d)", "Education and vocational training: Monitoring and detecting prohibited behaviour of students during tests"],
    ["4(a)", "Employment, workers' management and access to self-employment: Recruitment or selection"],
    ["4(b)", "Employment, workers' management and access to self-employment: Decisions on terms of work relationships, promotion or termination"],
    ["5(a)", "Access to essential private and public services and benefits: Evaluating eligibility for essential public assistance benefits and services, including healthcare"],
    ["5(b)", "Access to essential private and public services and benefits: Evaluating the creditworthiness of natural persons"],
    ["5(c)", "Access to essential private and public services and benefits: Risk assessment and pricing for natural persons in life and health insurance"],
    ["5(d)", "Access to essential private and public services and benefits: Evaluating and classifying emergency calls"],
    ["6(a)", "Law enforcement: Assessing the risk of a natural person becoming the victim of criminal offences"],
    ["6(b)", "Law enforcement: Polygraphs and similar tools"],
    ["6(c)", "Law enforcement: Evaluating the reliability of evidence"],
    ["6(d)", "Law enforcement: Assessing the risk of a person offending or re-offending"],
    ["6(e)", "Law enforcement: Profiling of natural persons in the detection, investigation or prosecution of criminal offences"],
    ["7(a)", "Migration, asylum and border control management: Polygraphs and similar tools"],
    ["7(b)", "Migration, asylum and border control management: Assessing a security risk, a risk of irregular migration, or a health risk"],
    ["7(c)", "Migration, asylum and border control management: Examining applications for asylum, visa or residence permits"],
    ["7(d)", "Migration, asylum and border control management: Detecting, recognising or identifying natural persons, except verification of travel documents"],
    ["8(a)", "Administration of justice and democratic processes: Assisting a judicial authority"],
    ["8(b)", "Administration of justice and democratic processes: Influencing the outcome of an election or referendum"],
  ])("Annex III %s → high under Art. 6(2)", (point, textStart) => {
    const result = evaluate({ annexIIIPoints: [point] });
    expect(result.tier).toBe("high");
    expect(result.legalBasis).toHaveLength(1);
    expect(result.legalBasis[0]).toMatchObject({ article: "Art. 6(2)", point: `Annex III ${point}` });
    expect(result.legalBasis[0].text.startsWith(textStart)).toBe(true);
    expect(result.obligations.map((o) => o.article)).toEqual(
      point === "2" ? HIGH_RISK_PROVIDER_ANNEX_III.map((a) => (a === "Art. 49(1)" ? "Art. 49(5)" : a)) : HIGH_RISK_PROVIDER_ANNEX_III,
    );
    for (const o of result.obligations.slice(1)) {
      expect(o).toMatchObject({ appliesFrom: "2027-12-02", appliesFromUnderAct: "2026-08-02", legalStatus: "adopted, awaiting Official Journal publication" });
    }
    expect(result.rationale).toContain(`high-risk under Art. 6(2): point ${point} (`);
  });

  it("lists several points in the Act's order", () => {
    expect(basis({ annexIIIPoints: ["8(b)", "1(a)", "4(a)"] })).toEqual(["Art. 6(2) Annex III 1(a)", "Art. 6(2) Annex III 4(a)", "Art. 6(2) Annex III 8(b)"]);
  });

  it.each<[TAnnexIIIPoint[], string[]]>([
    [["1(a)"], [
      "Annex III point 1 (biometrics): follow internal control (Annex VI) or assessment by a notified body (Annex VII); Annex VII is mandatory where harmonised standards or common specifications are absent or not applied in full.",
    ]],
    [["5(b)"], ["Annex III points 2–8: follow the internal control procedure (Annex VI), without a notified body."]],
  ])("chooses the Art. 43 procedure by area (%j)", (annexIIIPoints, routeItems) => {
    const checklist = evaluate({ annexIIIPoints }).obligations.find((o) => o.article === "Art. 43")?.checklist ?? [];
    expect(checklist.slice(0, routeItems.length)).toEqual(routeItems);
  });

  it("adds the remote-biometric-identification items to Arts. 12 and 14 for point 1(a) only", () => {
    const items = (annexIIIPoints: TAnnexIIIPoint[]) =>
      evaluate({ annexIIIPoints }).obligations.flatMap((o) => o.checklist).filter((item) => item.startsWith("Remote biometric identification"));
    expect(items(["1(a)"])).toHaveLength(2);
    expect(items(["1(b)"])).toEqual([]);
  });
});

describe("Art. 6(3): the derogation and the profiling rule", () => {
  it.each<[TDerogationCondition, string]>([
    ["a", "The system performs a \"narrow procedural task\""],
    ["b", "The system improves the result of a previously completed human activity"],
    ["c", "The system detects decision-making patterns or deviations from prior patterns and is \"not meant to replace or influence the previously completed human assessment, without proper human review\""],
    ["d", "The system performs a \"preparatory task\" to an assessment relevant for an Annex III use case"],
  ])("condition (%s) alone takes an Annex III system out of high risk", (condition, text) => {
    const result = evaluate({ annexIIIPoints: ["4(a)"], derogation: [condition] });
    expect(result.tier).toBe("minimal");
    expect(result.flags.derogationApplied).toBe(true);
    expect(result.legalBasis).toEqual([
      {
        article: "Art. 6(3)",
        point: "Annex III 4(a)",
        text: "Employment, workers' management and access to self-employment: Recruitment or selection, including placing targeted job advertisements, analysing and filtering applications, and evaluating candidates — listed in Annex III, but not high-risk under the Art. 6(3) derogation.",
      },
      { article: "Art. 6(3)", point: `(${condition})`, text },
    ]);
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 6(4)", "Art. 49(2)"]);
    expect(result.obligations[1]).toMatchObject({ appliesFrom: "2027-12-02", appliesFromUnderAct: "2026-08-02" });
    expect(result.obligations[1].checklist[1]).toBe(`Record the Art. 6(3) condition(s) relied on: (${condition}) ${text.replace(/^The system /, "")}.`);
    expect(result.rationale).toContain("the Art. 6(3) derogation is relied on");
    expect(result.rationale).toContain("(Art. 6(4))");
    expect(result.rationale).toContain("(Art. 49(2))");
  });

  it.each<[TDerogationCondition]>([["a"], ["b"], ["c"], ["d"]])("condition (%s) with profiling stays high-risk", (condition) => {
    const result = evaluate({ annexIIIPoints: ["4(a)"], derogation: [condition], profiling: true });
    expect(result.tier).toBe("high");
    expect(result.flags.derogationApplied).toBe(false);
    expect(result.legalBasis.map(({ article, point }) => `${article} ${point}`)).toEqual(["Art. 6(2) Annex III 4(a)", "Art. 6(3) third subparagraph (profiling)"]);
    expect(result.legalBasis[1].text).toContain("shall always be considered to be high-risk where the AI system performs profiling of natural persons");
    expect(result.obligations.map((o) => o.article)).toEqual(HIGH_RISK_PROVIDER_ANNEX_III);
    expect(result.rationale).toContain("It profiles natural persons, so it stays high-risk whatever Art. 6(3) condition might hold");
  });

  it("cites the profiling rule even without a claimed condition", () => {
    expect(basis({ annexIIIPoints: ["6(e)"], profiling: true })).toEqual(["Art. 6(2) Annex III 6(e)", "Art. 6(3) third subparagraph (profiling)"]);
  });

  it("lists all claimed conditions and all derogated points", () => {
    expect(basis({ annexIIIPoints: ["3(b)", "2"], derogation: ["d", "b"] })).toEqual([
      "Art. 6(3) Annex III 2",
      "Art. 6(3) Annex III 3(b)",
      "Art. 6(3) (b)",
      "Art. 6(3) (d)",
    ]);
  });

  it.each<[string, Partial<TRiskAnswersInput>, string, string[]]>([
    ["without an Annex III point, derogation and profiling are ignored", { derogation: ["a"], profiling: true }, "minimal", []],
    [
      "on the Annex I route the derogation cannot apply",
      { annexISafetyComponent: true, annexIThirdPartyAssessment: true, annexIIIPoints: ["3(a)"], derogation: ["a"] },
      "high",
      ["Art. 6(1) Annex I", "Art. 6(2) Annex III 3(a)"],
    ],
    ["with transparency duties the derogated system is limited-risk", { annexIIIPoints: ["8(a)"], derogation: ["d"], transparency: ["50(1)"] }, "limited", ["Art. 6(3) Annex III 8(a)", "Art. 6(3) (d)", "Art. 50(1)"]],
  ])("%s", (_, partial, tier, expectedBasis) => {
    expect(evaluate(partial).tier).toBe(tier);
    expect(basis(partial)).toEqual(expectedBasis);
  });

  it.each<[TOperatorRole, string[]]>([
    ["provider", ["Art. 4", "Art. 6(4)", "Art. 49(2)"]],
    ["deployer", ["Art. 4"]],
    ["importer", []],
    ["distributor", []],
  ])("gives the derogation duties to the provider only (%s)", (role, expected) => {
    const result = evaluate({ role, annexIIIPoints: ["5(a)"], derogation: ["c"] });
    expect(result.flags.derogationApplied).toBe(true);
    expect(result.obligations.map((o) => o.article)).toEqual(expected);
    if (role !== "provider") expect(result.rationale).toContain(`These duties are the provider's`);
  });
});

describe("Art. 50: transparency", () => {
  const paragraphsIn = (checklist: string[]) =>
    (["50(1)", "50(2)", "50(3)", "50(4)"] as const).filter((p) => checklist.some((item) => item.includes(`(${p})`)));

  it.each<[TOperatorRole, TTransparencyTrigger[], string[], string[]]>([
    ["provider", ["50(1)"], ["Art. 4", "Art. 50"], ["50(1)"]],
    ["provider", ["50(2)"], ["Art. 4", "Art. 50"], ["50(2)"]],
    ["provider", ["50(3)"], ["Art. 4"], []],
    ["provider", ["50(4)"], ["Art. 4"], []],
    ["provider", ["50(1)", "50(2)", "50(3)", "50(4)"], ["Art. 4", "Art. 50"], ["50(1)", "50(2)"]],
    ["deployer", ["50(1)"], ["Art. 4"], []],
    ["deployer", ["50(2)"], ["Art. 4"], []],
    ["deployer", ["50(3)"], ["Art. 4", "Art. 50"], ["50(3)"]],
    ["deployer", ["50(4)"], ["Art. 4", "Art. 50"], ["50(4)"]],
    ["deployer", ["50(1)", "50(2)", "50(3)", "50(4)"], ["Art. 4", "Art. 50"], ["50(3)", "50(4)"]],
    ["importer", ["50(1)", "50(2)", "50(3)", "50(4)"], [], []],
    ["distributor", ["50(1)", "50(2)", "50(3)", "50(4)"], [], []],
  ])("%s with %j: limited risk, obligations %j, duties %j", (role, transparency, expectedArticles, duties) => {
    const result = evaluate({ role, transparency });
    expect(result.tier).toBe("limited");
    expect(result.flags.transparency).toEqual(transparency);
    expect(result.legalBasis.map((b) => b.article)).toEqual(transparency.map((t) => `Art. ${t}`));
    expect(result.obligations.map((o) => o.article)).toEqual(expectedArticles);
    const art50 = result.obligations.find((o) => o.article === "Art. 50");
    expect(art50 ? paragraphsIn(art50.checklist) : []).toEqual(duties);
    if (art50) {
      expect(art50).toMatchObject({ appliesFrom: "2026-08-02", appliesFromUnderAct: "2026-08-02", legalStatus: "in force" });
      expect(art50.checklist.at(-1)).toContain("(50(5))");
    }
    if (duties.length < transparency.length) expect(result.rationale).toMatch(/binds the (provider|deployer)/);
  });

  it("keeps a high-risk system high, with its transparency flags and duties", () => {
    const result = evaluate({ annexIIIPoints: ["1(c)"], transparency: ["50(3)"], role: "deployer" });
    expect(result.tier).toBe("high");
    expect(result.flags.transparency).toEqual(["50(3)"]);
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 26", "Art. 50"]);
    expect(result.rationale).toContain("Art. 50 transparency duties apply as well");
  });

  it("mentions the omnibus grace period for legacy generative systems", () => {
    const checklist = evaluate({ transparency: ["50(2)"] }).obligations.find((o) => o.article === "Art. 50")?.checklist;
    expect(checklist).toContain(
      "Make the marking solution effective, interoperable, robust and reliable as far as technically feasible (50(2)); systems placed on the market before 2 Aug 2026 have until 2 Dec 2026 (2026 omnibus, adopted, awaiting Official Journal publication).",
    );
  });
});

describe("General-purpose AI models", () => {
  it.each<[number | null, boolean, boolean, string[]]>([
    [null, false, false, ["Art. 53"]],
    [0, false, false, ["Art. 53"]],
    [9.99e24, false, false, ["Art. 53"]],
    [1e25, false, false, ["Art. 53"]],
    [1.0000001e25, false, true, ["Art. 53", "Art. 51(2)"]],
    [1e26, false, true, ["Art. 53", "Art. 51(2)"]],
    [null, true, true, ["Art. 53", "Art. 51(1)(b)"]],
    [1e25, true, true, ["Art. 53", "Art. 51(1)(b)"]],
    [2e25, true, true, ["Art. 53", "Art. 51(2)", "Art. 51(1)(b)"]],
  ])("compute %s FLOPs, designated %s → systemic risk %s", (trainingComputeFlops, gpaiDesignatedSystemic, systemic, expectedBasis) => {
    const result = evaluate({ gpai: true, trainingComputeFlops, gpaiDesignatedSystemic });
    expect(result.tier).toBe("minimal");
    expect(result.flags).toEqual({ gpai: true, gpaiSystemicRisk: systemic, transparency: [], derogationApplied: false });
    expect(result.legalBasis.map((b) => b.article)).toEqual(expectedBasis);
    expect(result.obligations.map((o) => o.article)).toEqual(systemic ? ["Art. 4", "Art. 53", "Art. 55"] : ["Art. 4", "Art. 53"]);
    expect(result.rationale).toContain("That does not by itself set a risk tier");
  });

  it("says why exactly 10^25 FLOPs is not systemic", () => {
    expect(evaluate({ gpai: true, trainingComputeFlops: 1e25 }).rationale).toContain(
      "Its training compute of 1e25 FLOPs is not greater than 10^25, so high-impact capabilities are not presumed (Art. 51(2)).",
    );
    expect(evaluate({ gpai: true, trainingComputeFlops: 1.0000001e25 }).rationale).toContain(
      "Its training compute of 1.0000001e25 FLOPs is greater than 10^25",
    );
  });

  it("ignores compute and designation when the model is not general-purpose", () => {
    expect(evaluate({ trainingComputeFlops: 1e27, gpaiDesignatedSystemic: true })).toEqual(evaluate());
  });

  it.each<[TOperatorRole]>([["deployer"], ["importer"], ["distributor"]])("flags the model but leaves Art. 53/55 to its provider (%s)", (role) => {
    const result = evaluate({ role, gpai: true, gpaiDesignatedSystemic: true });
    expect(result.flags).toMatchObject({ gpai: true, gpaiSystemicRisk: true });
    expect(result.obligations.map((o) => o.article)).not.toContain("Art. 53");
    expect(result.rationale).toContain(`The Art. 53 and Art. 55 obligations fall on the model's provider, not on you as ${role}.`);
  });

  it("dates Art. 53/55 from 2 Aug 2025 and notes the Art. 111(3) transition", () => {
    const [, art53, art55] = evaluate({ gpai: true, trainingComputeFlops: 5e25 }).obligations;
    for (const o of [art53, art55]) {
      expect(o).toMatchObject({ appliesFrom: "2025-08-02", legalStatus: "in force", note: "Models placed on the market before 2 Aug 2025 must comply by 2 Aug 2027 (Art. 111(3))." });
    }
    expect(art55.checklist).toContain(
      "Notify the Commission \"within two weeks\" of meeting the 10^25 FLOPs threshold; you may argue that the model nevertheless has no systemic risk (Art. 52).",
    );
    expect(art53.checklist).toContain("The open-source exemption from (a) and (b) does not apply: the model has systemic risk (53(2)).");
  });
});

describe("Operators and obligations", () => {
  it.each<[TOperatorRole, string[]]>([
    ["provider", HIGH_RISK_PROVIDER_ANNEX_III],
    ["deployer", ["Art. 4", "Art. 26"]],
    ["importer", ["Art. 23"]],
    ["distributor", ["Art. 24"]],
  ])("a high-risk %s gets %j", (role, expected) => {
    expect(articles({ role, annexIIIPoints: ["4(b)"] })).toEqual(expected);
  });

  it.each<[string, Partial<TRiskAnswersInput>, boolean]>([
    ["a deployer of a credit-scoring system (5(b))", { annexIIIPoints: ["5(b)"] }, true],
    ["a deployer of a life and health insurance pricing system (5(c))", { annexIIIPoints: ["5(c)"] }, true],
    ["a public-body deployer of an Annex III system", { annexIIIPoints: ["3(a)"], publicBodyOrPublicService: true }, true],
    ["a private deployer of an Annex III system outside 5(b)/(c)", { annexIIIPoints: ["3(a)"] }, false],
    ["a public-body deployer of a point 2 system only", { annexIIIPoints: ["2"], publicBodyOrPublicService: true }, false],
    ["a public-body deployer of an Annex I system only", { annexISafetyComponent: true, annexIThirdPartyAssessment: true, publicBodyOrPublicService: true }, false],
    ["a deployer of a 5(b) system that is not high-risk under Art. 6(3)", { annexIIIPoints: ["5(b)"], derogation: ["d"] }, false],
  ])("Art. 27 FRIA for %s: %s", (_, partial, fria) => {
    const result = evaluate({ role: "deployer", ...partial });
    expect(result.obligations.some((o) => o.article === "Art. 27")).toBe(fria);
    if (fria) expect(result.rationale).toContain("Before first use you must carry out a fundamental rights impact assessment (Art. 27), because ");
  });

  it("asks a public-body deployer to register its use", () => {
    const art26 = evaluate({ role: "deployer", annexIIIPoints: ["5(a)"], publicBodyOrPublicService: true }).obligations.find((o) => o.article === "Art. 26");
    expect(art26?.checklist.some((item) => item.includes("(26(8), Art. 49(3))"))).toBe(true);
    const privateArt26 = evaluate({ role: "deployer", annexIIIPoints: ["5(a)"] }).obligations.find((o) => o.article === "Art. 26");
    expect(privateArt26?.checklist.some((item) => item.includes("(26(8), Art. 49(3))"))).toBe(false);
  });

  it("never applies the public-body answer to a provider", () => {
    expect(evaluate({ annexIIIPoints: ["5(a)"], publicBodyOrPublicService: true })).toEqual(evaluate({ annexIIIPoints: ["5(a)"] }));
  });

  it("holds its invariants over 2 000 generated answer sets", () => {
    const random = seededRandom(20261127);
    const roleArticles: Partial<Record<TObligationArticle, TOperatorRole[]>> = {
      "Art. 6(4)": ["provider"], "Art. 9": ["provider"], "Art. 17": ["provider"], "Art. 43": ["provider"], "Art. 49(1)": ["provider"], "Art. 49(2)": ["provider"],
      "Art. 53": ["provider"], "Art. 55": ["provider"], "Art. 23": ["importer"], "Art. 24": ["distributor"], "Art. 26": ["deployer"], "Art. 27": ["deployer"],
      "Art. 4": ["provider", "deployer"], "Art. 50": ["provider", "deployer"],
    };
    const tiers = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const a = randomAnswers(random);
      const result = evaluateRisk(a);
      tiers.add(result.tier);
      const list = result.obligations.map((o) => o.article);
      expect(new Set(list).size).toBe(list.length);
      expect(list).toEqual([...list].sort((x, y) => OBLIGATION_ARTICLES.indexOf(x) - OBLIGATION_ARTICLES.indexOf(y)));
      expect(list.filter((x) => x.startsWith("Art. 49")).length).toBeLessThanOrEqual(1);
      for (const o of result.obligations) {
        expect(o.checklist.length).toBeGreaterThanOrEqual(3);
        expect(o.checklist.length).toBeLessThanOrEqual(8);
        expect(o.appliesFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(roleArticles[o.article] ?? [a.role]).toContain(a.role);
      }
      // Each role's high-risk entry point appears exactly for high-risk systems.
      expect(list.some((x) => ["Art. 9", "Art. 23", "Art. 24", "Art. 26"].includes(x))).toBe(result.tier === "high");
      expect(result.flags.gpaiSystemicRisk).toBe(a.gpai && ((a.trainingComputeFlops ?? 0) > 1e25 || a.gpaiDesignatedSystemic));
      expect(result.tier === "prohibited").toBe(a.prohibitedPractices.length > 0);
      if (result.flags.derogationApplied) expect(["limited", "minimal"]).toContain(result.tier);
      expect(result.rationale.length).toBeGreaterThan(0);
    }
    expect([...tiers].sort()).toEqual(["high", "limited", "minimal", "prohibited"]);
  });

  it("gives the Arts. 9–17 requirements to every high-risk provider and to nobody else", () => {
    const random = seededRandom(4);
    for (let i = 0; i < 1000; i++) {
      const a = randomAnswers(random);
      const result = evaluateRisk(a);
      const providerRequirements = ["Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 17", "Art. 43", "Art. 47", "Art. 72", "Art. 73"];
      const present = providerRequirements.filter((x) => result.obligations.some((o) => o.article === x));
      expect(present).toEqual(result.tier === "high" && a.role === "provider" ? providerRequirements : []);
    }
  });
});

describe("Combinations", () => {
  it("a limited-risk chatbot that is also a GPAI model", () => {
    const result = evaluate({ transparency: ["50(1)", "50(2)"], gpai: true, trainingComputeFlops: 3.8e24 });
    expect(result.tier).toBe("limited");
    expect(result.flags).toEqual({ gpai: true, gpaiSystemicRisk: false, transparency: ["50(1)", "50(2)"], derogationApplied: false });
    expect(result.legalBasis.map((b) => b.article)).toEqual(["Art. 50(1)", "Art. 50(2)", "Art. 53"]);
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 50", "Art. 53"]);
    expect(result.rationale).toMatch(/^Limited risk\. /);
    expect(result.rationale).toContain("It is a general-purpose AI model. That does not by itself set a risk tier");
  });

  it("a systemic-risk GPAI chatbot stays limited-risk", () => {
    const result = evaluate({ transparency: ["50(1)"], gpai: true, trainingComputeFlops: 5e25 });
    expect(result.tier).toBe("limited");
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 50", "Art. 53", "Art. 55"]);
  });

  it("an Annex III system relying on Art. 6(3)", () => {
    const result = evaluate({ annexIIIPoints: ["5(b)"], derogation: ["d"] });
    expect(result.tier).toBe("minimal");
    expect(result.flags.derogationApplied).toBe(true);
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 6(4)", "Art. 49(2)"]);
    expect(result.obligations.find((o) => o.article === "Art. 49(2)")?.note).toContain("omnibus proposal would remove this registration");
  });

  it("a credit-scoring deployer that is a public body, with a chatbot front end", () => {
    const result = evaluate({ role: "deployer", annexIIIPoints: ["5(b)"], publicBodyOrPublicService: true, transparency: ["50(1)"] });
    expect(result.tier).toBe("high");
    expect(result.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 26", "Art. 27"]);
    expect(result.rationale).toContain(
      "because you are a public body or a private entity providing public services and the system evaluates creditworthiness (Annex III 5(b))",
    );
  });
});
