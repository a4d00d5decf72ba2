import { describe, expect, it } from "vitest";
import { ANNEX_III_POINTS, DEROGATION_CONDITIONS, PROHIBITED_PRACTICES, TRANSPARENCY_TRIGGERS } from "./act";
import {
  answerOf,
  changedQuestionsSince,
  isStaleRulesetVersion,
  QUESTIONNAIRE_STEPS,
  QUESTIONS,
  questionById,
  visibleQuestions,
  withAnswer,
  type TQuestion,
} from "./questionnaire";
import { evaluateRisk, RULESET_VERSION, type TRiskAnswers, type TRiskAnswersInput } from "./ruleset";
import { answers, randomAnswers, seededRandom } from "./test-support";

const ids = (questions: readonly TQuestion[]) => questions.map((q) => q.id);
const skippedIds = (partial: Partial<TRiskAnswersInput>) => visibleQuestions(answers(partial)).skipped.map((s) => s.question.id);

const ANNEX_III_IDS = ANNEX_III_POINTS.map((p) => `annexIII.${p}`);
const DEROGATION_IDS = ["art6-3.a", "art6-3.b", "art6-3.c", "art6-3.d"];
const TRANSPARENCY_IDS = ["art50.1", "art50.2", "art50.3", "art50.4"];

describe("the questionnaire", () => {
  it("has the steps in order", () => {
    expect(QUESTIONNAIRE_STEPS.map((s) => s.id)).toEqual(["role", "art5", "annex-i", "annex-iii", "derogation", "fria", "transparency", "gpai"]);
    const stepOrder = QUESTIONNAIRE_STEPS.map((s) => s.id as string);
    const questionSteps = QUESTIONS.map((q) => stepOrder.indexOf(q.step));
    expect(questionSteps).toEqual([...questionSteps].sort((a, b) => a - b));
  });

  it("lists every question, with unique ids", () => {
    expect(ids(QUESTIONS)).toEqual([
      "role",
      "art5.a", "art5.b", "art5.c", "art5.d", "art5.e", "art5.f", "art5.g", "art5.h", "art5.omnibus-intimate-content",
      "annexI.safetyComponent", "annexI.thirdPartyAssessment",
      ...ANNEX_III_IDS,
      "art6-3.profiling", ...DEROGATION_IDS,
      "art27.publicBody",
      ...TRANSPARENCY_IDS,
      "gpai.model", "gpai.computeFlops", "gpai.designated",
    ]);
    expect(new Set(ids(QUESTIONS)).size).toBe(QUESTIONS.length);
  });

  it.each(QUESTIONS.map((q) => [q.id, q] as const))("%s has a prompt, plain help, a citation, why it is asked and a version", (_, q) => {
    expect(q.prompt.length).toBeGreaterThan(10);
    expect(q.help.length).toBeGreaterThan(10);
    expect(q.citation).toMatch(/^(Art\.|Arts\.)/);
    expect(q.why.length).toBeGreaterThan(10);
    expect(q.since).toBe(RULESET_VERSION);
  });

  it("asks one question per Art. 5 practice, each with its exceptions", () => {
    const art5 = QUESTIONS.filter((q) => q.step === "art5");
    expect(art5.map((q) => q.answer.kind === "member" && q.answer.value)).toEqual([...PROHIBITED_PRACTICES]);
    expect(art5.map((q) => q.citation)).toEqual([
      "Art. 5(1)(a)", "Art. 5(1)(b)", "Art. 5(1)(c)", "Art. 5(1)(d)", "Art. 5(1)(e)", "Art. 5(1)(f)", "Art. 5(1)(g)", "Art. 5(1)(h)",
      "Art. 5 (as amended by the 2026 Digital Omnibus on AI)",
    ]);
    for (const q of art5) expect(q.exceptions?.length).toBeGreaterThan(20);
    expect(questionById("art5.f")?.exceptions).toContain("medical or safety reasons");
    expect(questionById("art5.h")?.exceptions).toContain("Art. 5(2)–(7)");
  });

  it("groups the Annex III points by their eight areas", () => {
    const groups = new Map<string, string[]>();
    for (const q of QUESTIONS.filter((q) => q.step === "annex-iii")) {
      groups.set(q.group ?? "", [...(groups.get(q.group ?? "") ?? []), q.answer.kind === "member" ? q.answer.value : ""]);
    }
    expect(Object.fromEntries(groups)).toEqual({
      "1 Biometrics": ["1(a)", "1(b)", "1(c)"],
      "2 Critical infrastructure": ["2"],
      "3 Education and vocational training": ["3(a)", "3(b)", "3(c)", "3(d)"],
      "4 Employment, workers' management and access to self-employment": ["4(a)", "4(b)"],
      "5 Access to essential private and public services and benefits": ["5(a)", "5(b)", "5(c)", "5(d)"],
      "6 Law enforcement": ["6(a)", "6(b)", "6(c)", "6(d)", "6(e)"],
      "7 Migration, asylum and border control management": ["7(a)", "7(b)", "7(c)", "7(d)"],
      "8 Administration of justice and democratic processes": ["8(a)", "8(b)"],
    });
  });

  it("binds every answer key, and every list code to exactly one question", () => {
    const fields = new Set(QUESTIONS.map((q) => q.answer.field));
    expect([...fields].sort()).toEqual(Object.keys(answers()).sort());
    const codes = (field: string) => QUESTIONS.flatMap((q) => (q.answer.kind === "member" && q.answer.field === field ? [q.answer.value] : []));
    expect(codes("prohibitedPractices")).toEqual([...PROHIBITED_PRACTICES]);
    expect(codes("annexIIIPoints")).toEqual([...ANNEX_III_POINTS]);
    expect(codes("derogation")).toEqual([...DEROGATION_CONDITIONS]);
    expect(codes("transparency")).toEqual([...TRANSPARENCY_TRIGGERS]);
  });
});

describe("answerOf and withAnswer", () => {
  it("sets and reads each kind of answer, keeping codes in the Act's order", () => {
    let a: Partial<TRiskAnswers> = {};
    a = withAnswer(a, questionById("role")!, "deployer");
    a = withAnswer(a, questionById("annexIII.5(b)")!, true);
    a = withAnswer(a, questionById("annexIII.1(a)")!, true);
    a = withAnswer(a, questionById("annexIII.5(b)")!, true);
    a = withAnswer(a, questionById("gpai.model")!, true);
    a = withAnswer(a, questionById("gpai.computeFlops")!, 2e25);
    expect(a).toEqual({ role: "deployer", annexIIIPoints: ["1(a)", "5(b)"], gpai: true, trainingComputeFlops: 2e25 });
    expect(answerOf(questionById("annexIII.5(b)")!, a)).toBe(true);
    expect(answerOf(questionById("annexIII.2")!, a)).toBe(false);
    expect(answerOf(questionById("art6-3.profiling")!, a)).toBe(false);
    a = withAnswer(a, questionById("annexIII.1(a)")!, false);
    a = withAnswer(a, questionById("gpai.computeFlops")!, null);
    expect(a).toMatchObject({ annexIIIPoints: ["5(b)"], trainingComputeFlops: null });
  });
});

describe("visibleQuestions", () => {
  it("for a fresh questionnaire asks the screening questions and skips what depends on later answers", () => {
    const { skipped } = visibleQuestions({});
    expect(skipped.map((s) => [s.question.id, s.reason])).toEqual([
      ["annexI.thirdPartyAssessment", "Only asked for a safety component of an Annex I product: Art. 6(1) needs both conditions."],
      ["art6-3.profiling", "Only asked when an Annex III use applies: Art. 6(3) derogates from Art. 6(2) only."],
      ...DEROGATION_IDS.map((id) => [id, "Only asked when an Annex III use applies: Art. 6(3) derogates from Art. 6(2) only."]),
      ["art27.publicBody", "Only asked of deployers: the fundamental rights impact assessment (Art. 27) and the registration of use (Art. 26(8)) are deployer duties."],
      ["gpai.computeFlops", "Only asked for a general-purpose AI model (Art. 51)."],
      ["gpai.designated", "Only asked for a general-purpose AI model (Art. 51)."],
    ]);
  });

  it("after a prohibited practice keeps only the role, the Art. 5 and the GPAI questions", () => {
    const { visible, skipped } = visibleQuestions(answers({ prohibitedPractices: ["5(1)(e)"], gpai: true }));
    expect(ids(visible)).toEqual([
      "role", "art5.a", "art5.b", "art5.c", "art5.d", "art5.e", "art5.f", "art5.g", "art5.h", "art5.omnibus-intimate-content",
      "gpai.model", "gpai.computeFlops", "gpai.designated",
    ]);
    expect(new Set(skipped.map((s) => s.reason))).toEqual(
      new Set(["A prohibited practice applies (Art. 5): nothing else can make the system lawful, so this answer cannot change the result."]),
    );
  });

  it.each<[string, Partial<TRiskAnswersInput>, string[]]>([
    [
      "an Annex III point asks profiling and the conditions",
      { annexIIIPoints: ["4(a)"] },
      ["annexI.thirdPartyAssessment", "art27.publicBody", "gpai.computeFlops", "gpai.designated"],
    ],
    [
      "profiling skips the conditions",
      { annexIIIPoints: ["4(a)"], profiling: true },
      ["annexI.thirdPartyAssessment", ...DEROGATION_IDS, "art27.publicBody", "gpai.computeFlops", "gpai.designated"],
    ],
    [
      "the Annex I route skips Art. 6(3) altogether",
      { annexISafetyComponent: true, annexIThirdPartyAssessment: true, annexIIIPoints: ["4(a)"] },
      ["art6-3.profiling", ...DEROGATION_IDS, "art27.publicBody", "gpai.computeFlops", "gpai.designated"],
    ],
    [
      "a deployer of a high-risk Annex III system is asked the public-body question",
      { role: "deployer", annexIIIPoints: ["3(a)"] },
      ["annexI.thirdPartyAssessment", "gpai.computeFlops", "gpai.designated"],
    ],
    [
      "a deployer whose Annex III system is derogated is not",
      { role: "deployer", annexIIIPoints: ["3(a)"], derogation: ["b"] },
      ["annexI.thirdPartyAssessment", "art27.publicBody", "gpai.computeFlops", "gpai.designated"],
    ],
    [
      "nor a deployer of a point 2 system only",
      { role: "deployer", annexIIIPoints: ["2"] },
      ["annexI.thirdPartyAssessment", "art27.publicBody", "gpai.computeFlops", "gpai.designated"],
    ],
    ["a GPAI model asks compute and designation", { gpai: true }, ["annexI.thirdPartyAssessment", "art6-3.profiling", ...DEROGATION_IDS, "art27.publicBody"]],
  ])("%s", (_, partial, expected) => {
    expect(skippedIds(partial)).toEqual(expected);
  });

  it("gives the specific reason for each Art. 6(3) and Art. 27 skip", () => {
    const reason = (partial: Partial<TRiskAnswersInput>, id: string) =>
      visibleQuestions(answers(partial)).skipped.find((s) => s.question.id === id)?.reason;
    expect(reason({ annexIIIPoints: ["4(a)"], profiling: true }, "art6-3.a")).toBe(
      "The system profiles natural persons, so it is always high-risk (Art. 6(3), third subparagraph): the derogation conditions cannot apply.",
    );
    expect(reason({ annexISafetyComponent: true, annexIThirdPartyAssessment: true, annexIIIPoints: ["4(a)"] }, "art6-3.profiling")).toBe(
      "The system is already high-risk under Art. 6(1); the Art. 6(3) derogation only derogates from Art. 6(2), so this answer cannot change the result.",
    );
    expect(reason({ role: "deployer", annexIIIPoints: ["2"] }, "art27.publicBody")).toBe(
      "Only asked when the system is high-risk under Annex III (other than point 2 alone): Art. 27 and Art. 26(8) apply to those systems only.",
    );
  });

  // The contract of visibleQuestions: a skipped question's answer never changes the result.
  it("skips only questions whose answer cannot change the result (3 000 generated answer sets)", () => {
    const random = seededRandom(42);
    const perturbations = (question: TQuestion, current: TRiskAnswers): Partial<TRiskAnswers>[] => {
      switch (question.answer.kind) {
        case "choice":
          return [];
        case "number":
          return [withAnswer(current, question, null), withAnswer(current, question, 9.99e24), withAnswer(current, question, 5e25)];
        default:
          return [withAnswer(current, question, !answerOf(question, current))];
      }
    };
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      const current = randomAnswers(random);
      const expected = evaluateRisk(current);
      for (const { question } of visibleQuestions(current).skipped) {
        for (const changed of perturbations(question, current)) {
          expect(evaluateRisk(changed as TRiskAnswers), `${question.id} on ${JSON.stringify(current)}`).toEqual(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe("ruleset changes", () => {
  it("asks nothing to be reviewed for answers under the current ruleset", () => {
    expect(changedQuestionsSince(RULESET_VERSION)).toEqual([]);
    expect(isStaleRulesetVersion(RULESET_VERSION)).toBe(false);
  });

  it("asks every question to be reviewed for an unknown ruleset version", () => {
    expect(ids(changedQuestionsSince("eu-ai-act-2024-1689/draft"))).toEqual(ids(QUESTIONS));
    expect(isStaleRulesetVersion("eu-ai-act-2024-1689/draft")).toBe(true);
  });
});
