import { describe, expect, it } from "vitest";
import { CREDIT_SCORING_CARD } from "../model-card/example-cards";
import { emptyModelCard } from "../model-card/schema";
import type { TRiskTier } from "../model-card/template";
import {
  cardFacts,
  DEFAULT_APPROVAL_POLICY,
  isApprovableTier,
  submissionPreconditions,
  ZApprovalPolicySchema,
  type TPrecondition,
  type TSubmissionFacts,
} from "./policy";

describe("ZApprovalPolicySchema", () => {
  it("defaults every tier as issue 6 says", () => {
    expect(ZApprovalPolicySchema.parse({})).toEqual({
      high: { approvalsRequired: 2, reviewIntervalDays: 180 },
      limited: { approvalsRequired: 1, reviewIntervalDays: 365 },
      minimal: { approvalsRequired: 1, reviewIntervalDays: 730 },
    });
    expect(ZApprovalPolicySchema.parse({})).toEqual(DEFAULT_APPROVAL_POLICY);
  });

  it("keeps the defaults of what a partial edit leaves out", () => {
    expect(ZApprovalPolicySchema.parse({ high: { approvalsRequired: 3 }, minimal: { reviewIntervalDays: 365 } })).toEqual({
      high: { approvalsRequired: 3, reviewIntervalDays: 180 },
      limited: { approvalsRequired: 1, reviewIntervalDays: 365 },
      minimal: { approvalsRequired: 1, reviewIntervalDays: 365 },
    });
  });

  it.each([
    [{ high: { approvalsRequired: 1 } }, "High risk needs a whole number of approvals from 2 to 5."],
    [{ high: { approvalsRequired: 6 } }, "High risk needs a whole number of approvals from 2 to 5."],
    [{ limited: { approvalsRequired: 0 } }, "Limited risk needs a whole number of approvals from 1 to 5."],
    [{ minimal: { approvalsRequired: 1.5 } }, "Minimal risk needs a whole number of approvals from 1 to 5."],
    [{ minimal: { approvalsRequired: "2" } }, "Minimal risk needs a whole number of approvals from 1 to 5."],
    [{ high: { reviewIntervalDays: 0 } }, "High risk needs a review interval of 1 to 3650 whole days."],
    [{ limited: { reviewIntervalDays: 3651 } }, "Limited risk needs a review interval of 1 to 3650 whole days."],
  ])("refuses %j: %s", (input, message) => {
    const result = ZApprovalPolicySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([message]);
  });

  it.each([[{ prohibited: { approvalsRequired: 3 } }], [{ high: { approvalsRequired: 2, quorum: 1 } }]])("refuses unknown keys such as %j", (input) => {
    expect(ZApprovalPolicySchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ["prohibited", false],
    ["high", true],
    ["limited", true],
    ["minimal", true],
    [null, false],
  ] as const)("%s is approvable: %s", (tier, approvable) => {
    expect(isApprovableTier(tier)).toBe(approvable);
  });
});

describe("cardFacts", () => {
  it.each([
    ["minimal", 5],
    ["limited", 11],
    ["high", 61],
    [null, 61],
  ] as const)("of an empty card for %s lists all %i required fields, the first linked", (tier, missing) => {
    const facts = cardFacts(null, emptyModelCard(), tier);
    expect(facts.revision).toBeNull();
    expect(facts.completeness.percent).toBe(0);
    expect(facts.completeness.band).toBe("empty");
    expect(facts.completeness.missing).toHaveLength(missing);
    expect(facts.completeness.missing[0]).toEqual({ field: "name", label: "Model name", anchor: "field-modelDetails-name" });
  });

  it("of a complete card lists nothing; a missing content counts as empty", () => {
    expect(cardFacts(3, CREDIT_SCORING_CARD, "high")).toEqual({ revision: 3, completeness: { percent: 100, band: "complete", missing: [] } });
    expect(cardFacts(null, null, "minimal").completeness.missing).toHaveLength(5);
  });
});

// ---------------------------------------------------------------------------------------------

const COMPLETE_CARD = { revision: 4, completeness: { percent: 100, band: "complete" as const, missing: [] } };

/** A version that meets every precondition of its tier. */
function ready(tier: TRiskTier | null): TSubmissionFacts {
  return {
    tier,
    classification: { status: tier === null ? null : "confirmed", needsReview: false },
    card: COMPLETE_CARD,
    evaluations: [{ id: "e1", name: "holdout-Q3", status: "pass" }],
    obligations: [
      { id: "o9", article: "Art. 9", status: "met", note: "Risk register RM-12.", applicable: true },
      { id: "o10", article: "Art. 10", status: "not_applicable", note: "No training data: rule-based scorer.", applicable: true },
    ],
  };
}

const codes = (list: TPrecondition[]) => list.map((p) => p.code);

describe("submissionPreconditions", () => {
  it.each(["high", "limited", "minimal"] as const)("a ready %s-risk version meets every precondition", (tier) => {
    expect(submissionPreconditions(ready(tier))).toEqual([]);
  });

  it("an overridden classification counts as decided", () => {
    expect(submissionPreconditions({ ...ready("high"), classification: { status: "overridden", needsReview: false } })).toEqual([]);
  });

  it("minimal risk needs no evaluation and no obligation", () => {
    const facts = {
      ...ready("minimal"),
      evaluations: [],
      obligations: [{ article: "Art. 4", status: "not_started" as const, note: "", applicable: true }],
    };
    expect(submissionPreconditions(facts)).toEqual([]);
  });

  it("a failing evaluation does not matter for minimal risk", () => {
    expect(submissionPreconditions({ ...ready("minimal"), evaluations: [{ id: "e1", name: "q", status: "fail" }] })).toEqual([]);
  });

  it("limited risk needs no obligation met", () => {
    const facts = { ...ready("limited"), obligations: [{ article: "Art. 50", status: "in_progress" as const, note: "", applicable: true }] };
    expect(submissionPreconditions(facts)).toEqual([]);
  });

  it("a prohibited model can never be submitted, and nothing else is listed", () => {
    const facts: TSubmissionFacts = { ...ready("prohibited"), card: { revision: null, completeness: { percent: 0, band: "empty", missing: [] } }, evaluations: [] };
    expect(submissionPreconditions(facts)).toEqual([
      {
        code: "prohibited",
        message:
          "The model is classified as prohibited (Art. 5): it may not be placed on the market or used, so its versions can never be submitted for approval. If the classification is wrong, ask a compliance officer to reclassify the model.",
        link: { tab: "risk" },
      },
    ]);
  });

  describe.each(["high", "limited", "minimal"] as const)("classification, %s risk", (tier) => {
    it.each([
      [
        "missing",
        { status: null, needsReview: false },
        "classification_missing",
        "The model has no risk classification: answer the risk questionnaire, then ask a compliance officer to confirm the result.",
      ],
      [
        "proposed",
        { status: "proposed", needsReview: false },
        "classification_unconfirmed",
        "The risk classification is only proposed: a compliance officer must confirm or override it.",
      ],
      [
        "needing review",
        { status: "confirmed", needsReview: true },
        "classification_needs_review",
        "The risk classification needs review after a change to the model's purpose or deployment context: a compliance officer must confirm it again or reclassify.",
      ],
      [
        "overridden but needing review",
        { status: "overridden", needsReview: true },
        "classification_needs_review",
        "The risk classification needs review after a change to the model's purpose or deployment context: a compliance officer must confirm it again or reclassify.",
      ],
    ] as const)("%s is refused", (_, classification, code, message) => {
      expect(submissionPreconditions({ ...ready(tier), classification })).toEqual([{ code, message, link: { tab: "risk" } }]);
    });
  });

  describe.each(["high", "limited", "minimal"] as const)("card, %s risk", (tier) => {
    const missing = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ field: `f${i}`, label: `Field ${i}`, anchor: `field-modelDetails-f${i}` }));

    it("an incomplete card is refused with its percentage and count, linked to the first gap", () => {
      const card = { revision: 4, completeness: { percent: 82, band: "nearly" as const, missing: missing(11) } };
      expect(submissionPreconditions({ ...ready(tier), card })).toEqual([
        {
          code: "card_incomplete",
          message: `The model card is 82% complete for ${tier} risk: 11 required fields are missing.`,
          link: { tab: "card", anchor: "field-modelDetails-f0" },
        },
      ]);
    });

    it("one missing field reads in the singular", () => {
      const card = { revision: 4, completeness: { percent: 98, band: "nearly" as const, missing: missing(1) } };
      expect(submissionPreconditions({ ...ready(tier), card })[0]!.message).toBe(`The model card is 98% complete for ${tier} risk: 1 required field is missing.`);
    });

    it("a card never saved is refused as missing", () => {
      const card = { revision: null, completeness: { percent: 0, band: "empty" as const, missing: missing(5) } };
      expect(submissionPreconditions({ ...ready(tier), card })).toEqual([
        {
          code: "card_missing",
          message: `No model card has been saved for this version: fill in the 5 fields required for ${tier} risk.`,
          link: { tab: "card", anchor: "field-modelDetails-f0" },
        },
      ]);
    });
  });

  it("the real completeness of an almost complete high-risk card", () => {
    const content = structuredClone(CREDIT_SCORING_CARD) as Record<string, Record<string, unknown>>;
    content.humanOversight = {};
    const facts = { ...ready("high"), card: cardFacts(7, content, "high") };
    const [unmet] = submissionPreconditions(facts);
    expect(unmet!.code).toBe("card_incomplete");
    expect(unmet!.message).toMatch(/^The model card is \d+% complete for high risk: \d+ required fields are missing\.$/);
    expect(unmet!.link.anchor).toMatch(/^field-humanOversight-/);
  });

  describe.each(["high", "limited"] as const)("evaluations, %s risk", (tier) => {
    it("none is refused", () => {
      expect(submissionPreconditions({ ...ready(tier), evaluations: [] })).toEqual([
        {
          code: "evaluation_missing",
          message: `A ${tier}-risk model needs at least one evaluation: upload one for this version (a predictions file or confusion counts).`,
          link: { tab: "evaluations" },
        },
      ]);
    });

    it("each failing one is listed, waived and passing ones are not", () => {
      const evaluations = [
        { id: "e1", name: "holdout-Q3", status: "fail" as const },
        { id: "e2", name: "holdout-Q4", status: "waived" as const },
        { id: "e3", name: "shadow-traffic", status: "pass" as const },
        { id: "e4", name: "intersectional", status: "fail" as const },
      ];
      expect(submissionPreconditions({ ...ready(tier), evaluations })).toEqual([
        {
          code: "evaluation_failed",
          message:
            "The evaluation holdout-Q3 failed its fairness thresholds: evaluate an improved model again, or ask a compliance officer to waive it with a justification.",
          link: { tab: "evaluations", anchor: "evaluation-e1" },
        },
        {
          code: "evaluation_failed",
          message:
            "The evaluation intersectional failed its fairness thresholds: evaluate an improved model again, or ask a compliance officer to waive it with a justification.",
          link: { tab: "evaluations", anchor: "evaluation-e4" },
        },
      ]);
    });

    it("waived alone is enough", () => {
      expect(submissionPreconditions({ ...ready(tier), evaluations: [{ id: "e1", name: "q", status: "waived" }] })).toEqual([]);
    });
  });

  describe("obligations, high risk", () => {
    it.each([
      [
        { id: "o9", article: "Art. 9", status: "not_started", note: "", applicable: true },
        {
          code: "obligation_open",
          message: "Art. 9 (Risk management system) is not started: mark it met with its evidence, or not applicable with a note saying why.",
          link: { tab: "obligations", anchor: "obligation-o9" },
        },
      ],
      [
        { id: "o14", article: "Art. 14", status: "in_progress", note: "Drafting.", applicable: true },
        {
          code: "obligation_open",
          message: "Art. 14 (Human oversight) is in progress: mark it met with its evidence, or not applicable with a note saying why.",
          link: { tab: "obligations", anchor: "obligation-o14" },
        },
      ],
      [
        { id: "o27", article: "Art. 27", status: "not_applicable", note: "  ", applicable: true },
        {
          code: "obligation_note_missing",
          message: "Art. 27 (Fundamental rights impact assessment) is marked not applicable without a note: say why it does not apply to this model.",
          link: { tab: "obligations", anchor: "obligation-o27" },
        },
      ],
      [
        { article: "Art. 99", status: "in_progress", note: "", applicable: true },
        {
          code: "obligation_open",
          message: "Art. 99 is in progress: mark it met with its evidence, or not applicable with a note saying why.",
          link: { tab: "obligations" },
        },
      ],
    ] as const)("%j is refused", (obligation, expected) => {
      expect(submissionPreconditions({ ...ready("high"), obligations: [...ready("high").obligations, obligation] })).toEqual([expected]);
    });

    it("an obligation no longer applicable is ignored", () => {
      const obligations = [{ article: "Art. 26", status: "not_started" as const, note: "", applicable: false }];
      expect(submissionPreconditions({ ...ready("high"), obligations })).toEqual([]);
    });
  });

  it("an unclassified model is held to the high-risk rules", () => {
    const facts: TSubmissionFacts = {
      tier: null,
      classification: { status: "proposed", needsReview: false },
      card: { revision: 1, completeness: { percent: 50, band: "partial", missing: [{ field: "name", label: "Model name", anchor: "field-modelDetails-name" }] } },
      evaluations: [],
      obligations: [{ id: "o9", article: "Art. 9", status: "in_progress", note: "", applicable: true }],
    };
    expect(submissionPreconditions(facts).map((p) => p.message)).toEqual([
      "The risk classification is only proposed: a compliance officer must confirm or override it.",
      "The model card is 50% complete for the high-risk requirements that apply until the model is classified: 1 required field is missing.",
      "Until it is classified, the model is held to the high-risk rules, which need at least one evaluation: upload one for this version (a predictions file or confusion counts).",
      "Art. 9 (Risk management system) is in progress: mark it met with its evidence, or not applicable with a note saying why.",
    ]);
  });

  it("lists everything unmet in tab order", () => {
    const facts: TSubmissionFacts = {
      tier: "high",
      classification: { status: "confirmed", needsReview: true },
      card: { revision: 2, completeness: { percent: 10, band: "empty", missing: [{ field: "name", label: "Model name", anchor: "field-modelDetails-name" }] } },
      evaluations: [{ id: "e1", name: "q", status: "fail" }],
      obligations: [{ article: "Art. 9", status: "not_started", note: "", applicable: true }],
    };
    expect(codes(submissionPreconditions(facts))).toEqual(["classification_needs_review", "card_incomplete", "evaluation_failed", "obligation_open"]);
  });
});
