import { describe, expect, it } from "vitest";
import {
  canDelete,
  canTransition,
  daysUntilReview,
  isReviewOverdue,
  LIFECYCLE_EVENTS,
  LIFECYCLE_STAGES,
  nextReviewDue,
  nextStage,
  retentionUntil,
  TransitionRefused,
  type TLifecycleEvent,
  type TLifecycleEventType,
  type TLifecycleStage,
} from "./lifecycle";
import { DEFAULT_APPROVAL_POLICY, ZApprovalPolicySchema, type TPrecondition } from "./policy";

const UNMET: TPrecondition = { code: "card_incomplete", message: "The model card is 82% complete for high risk: 11 required fields are missing.", link: { tab: "card" } };

/** Each event with a context that satisfies its guard. */
const SATISFIED: Record<TLifecycleEventType, TLifecycleEvent> = {
  submit: { type: "submit", unmetPreconditions: [] },
  approve: { type: "approve", approvalsValid: 2, required: 2, unmetPreconditions: [] },
  request_changes: { type: "request_changes" },
  reject: { type: "reject" },
  deploy: { type: "deploy", environment: "production", reviewOverdue: false },
  retire: { type: "retire", reason: "Replaced by 2.0." },
  invalidate: { type: "invalidate", standingApprovals: 1 },
  open_periodic: { type: "open_periodic", daysUntilDue: -3 },
  renew: { type: "renew", approvalsValid: 2, required: 2, unmetPreconditions: [] },
  revoke: { type: "revoke" },
};

const WRONG_STAGE: Record<TLifecycleEventType, string> = {
  submit: "only a draft can be submitted for review.",
  approve: "only a version in review can be approved.",
  request_changes: "changes can only be requested on a version in review.",
  reject: "only a version in review can be rejected.",
  deploy: "only an approved or deployed version can be deployed.",
  retire: "only an approved or deployed version can be retired.",
  invalidate: "only the approvals of a version in review, approved or deployed can be invalidated.",
  open_periodic: "only an approved or deployed version is reviewed periodically.",
  renew: "only an approved or deployed version can be re-approved in a periodic review.",
  revoke: "only the approval of an approved or deployed version can be ended by a periodic review.",
};

const STAGE_PHRASE: Record<TLifecycleStage, string> = { draft: "a draft", in_review: "in review", approved: "approved", deployed: "deployed", retired: "retired" };

// Every stage × event with its guard satisfied: the next stage, or null where the event may not start.
const TABLE: Record<TLifecycleStage, Record<TLifecycleEventType, TLifecycleStage | null>> = {
  draft: { submit: "in_review", approve: null, request_changes: null, reject: null, deploy: null, retire: null, invalidate: null, open_periodic: null, renew: null, revoke: null },
  in_review: { submit: null, approve: "approved", request_changes: "draft", reject: "draft", deploy: null, retire: null, invalidate: "in_review", open_periodic: null, renew: null, revoke: null },
  approved: { submit: null, approve: null, request_changes: null, reject: null, deploy: "deployed", retire: "retired", invalidate: "in_review", open_periodic: "approved", renew: "approved", revoke: "draft" },
  deployed: { submit: null, approve: null, request_changes: null, reject: null, deploy: "deployed", retire: "retired", invalidate: "in_review", open_periodic: "deployed", renew: "deployed", revoke: "draft" },
  retired: { submit: null, approve: null, request_changes: null, reject: null, deploy: null, retire: null, invalidate: null, open_periodic: null, renew: null, revoke: null },
};

describe("canTransition: every stage × event", () => {
  const cells = LIFECYCLE_STAGES.flatMap((stage) => LIFECYCLE_EVENTS.map((event) => [stage, event, TABLE[stage][event]] as const));
  it.each(cells)("%s --%s--> %s", (stage, event, next) => {
    const result = canTransition(stage, SATISFIED[event]);
    if (next !== null) {
      expect(result).toEqual({ ok: true, next });
      expect(nextStage(stage, SATISFIED[event])).toBe(next);
    } else if (stage === "retired") {
      expect(result).toEqual({ ok: false, code: "retired", message: "This version is retired and read-only: nothing about it can change." });
    } else {
      expect(result).toEqual({ ok: false, code: "wrong_stage", message: `This version is ${STAGE_PHRASE[stage]}: ${WRONG_STAGE[event]}` });
    }
  });
});

describe("guards", () => {
  it.each([
    ["draft", { type: "submit", unmetPreconditions: [UNMET] }, "preconditions_unmet", "The version cannot be submitted while 1 precondition is not met."],
    ["draft", { type: "submit", unmetPreconditions: [UNMET, UNMET] }, "preconditions_unmet", "The version cannot be submitted while 2 preconditions are not met."],
    ["in_review", { type: "approve", approvalsValid: 2, required: 2, unmetPreconditions: [UNMET] }, "preconditions_unmet", "The version cannot be approved while 1 precondition is not met."],
    ["in_review", { type: "approve", approvalsValid: 1, required: null, unmetPreconditions: [] }, "not_approvable", "The model's risk tier can never be approved."],
    ["approved", { type: "deploy", environment: "  ", reviewOverdue: false }, "environment_required", "Name the environment the version is deployed to."],
    ["deployed", { type: "deploy", environment: "", reviewOverdue: false }, "environment_required", "Name the environment the version is deployed to."],
    ["approved", { type: "deploy", environment: "production", reviewOverdue: true }, "review_overdue", "The periodic review of this version is overdue: it must be reviewed again before it is deployed."],
    ["deployed", { type: "deploy", environment: "production", reviewOverdue: true }, "review_overdue", "The periodic review of this version is overdue: it must be reviewed again before it is deployed."],
    ["approved", { type: "retire", reason: "" }, "reason_required", "Say why the version is retired: a reason is required."],
    ["deployed", { type: "retire", reason: " \n" }, "reason_required", "Say why the version is retired: a reason is required."],
    ["in_review", { type: "invalidate", standingApprovals: 0 }, "nothing_to_invalidate", "This version has no standing approvals to invalidate."],
  ] as const)("%s, %j is refused: %s", (stage, event, code, message) => {
    expect(canTransition(stage, event)).toEqual({ ok: false, code, message });
    expect(() => nextStage(stage, event)).toThrow(new TransitionRefused(code, message));
  });

  it("the refusal carries its code", () => {
    try {
      nextStage("retired", SATISFIED.deploy);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TransitionRefused);
      expect((error as TransitionRefused).code).toBe("retired");
    }
  });

  it.each([
    [0, 2, "in_review"],
    [1, 2, "in_review"],
    [2, 2, "approved"],
    [3, 2, "approved"],
    [1, 1, "approved"],
    [2, 3, "in_review"],
  ] as const)("approve with %i of %i approvals leads to %s", (approvalsValid, required, next) => {
    expect(canTransition("in_review", { type: "approve", approvalsValid, required, unmetPreconditions: [] })).toEqual({ ok: true, next });
  });

  it.each(["approved", "deployed"] as const)("an %s version's approvals can always be invalidated: it goes back to in_review", (stage) => {
    expect(canTransition(stage, { type: "invalidate", standingApprovals: 0 })).toEqual({ ok: true, next: "in_review" });
  });

  it.each([
    [null, false],
    [31, false],
    [30, true],
    [0, true],
    [-200, true],
  ] as const)("a periodic review %s days before it is due may start: %s", (daysUntilDue, ok) => {
    const result = canTransition("deployed", { type: "open_periodic", daysUntilDue });
    expect(result).toEqual(ok ? { ok: true, next: "deployed" } : { ok: false, code: "review_not_due", message: "The periodic review can start at most 30 days before it is due." });
  });

  it("a periodic review's approval keeps the version in service, whatever the count; its guards are the first approval's", () => {
    expect(canTransition("deployed", { type: "renew", approvalsValid: 1, required: 2, unmetPreconditions: [] })).toEqual({ ok: true, next: "deployed" });
    expect(canTransition("approved", { type: "renew", approvalsValid: 2, required: 2, unmetPreconditions: [UNMET] })).toEqual({
      ok: false,
      code: "preconditions_unmet",
      message: "The version cannot be approved while 1 precondition is not met.",
    });
    expect(canTransition("approved", { type: "renew", approvalsValid: 0, required: null, unmetPreconditions: [] })).toMatchObject({ ok: false, code: "not_approvable" });
  });

  it("a deployed version may be deployed again, to another environment", () => {
    expect(nextStage("deployed", { type: "deploy", environment: "eu-west canary", reviewOverdue: false })).toBe("deployed");
  });
});

describe("the high-risk journey", () => {
  it("submit, approve twice, deploy, invalidate, approve twice, deploy, retire", () => {
    let stage: TLifecycleStage = "draft";
    const steps: TLifecycleEvent[] = [
      { type: "submit", unmetPreconditions: [] },
      { type: "approve", approvalsValid: 1, required: 2, unmetPreconditions: [] },
      { type: "approve", approvalsValid: 2, required: 2, unmetPreconditions: [] },
      { type: "deploy", environment: "production", reviewOverdue: false },
      { type: "invalidate", standingApprovals: 2 },
      { type: "approve", approvalsValid: 1, required: 2, unmetPreconditions: [] },
      { type: "approve", approvalsValid: 2, required: 2, unmetPreconditions: [] },
      { type: "deploy", environment: "production", reviewOverdue: false },
      { type: "retire", reason: "Replaced by 2.0." },
    ];
    const seen = steps.map((event) => (stage = nextStage(stage, event)));
    expect(seen).toEqual(["in_review", "in_review", "approved", "deployed", "in_review", "in_review", "approved", "deployed", "retired"]);
  });
});

describe("canDelete", () => {
  const NOW = new Date("2030-06-01T00:00:00.000Z");
  it.each([
    [{ stage: "draft", everApproved: false, retentionUntil: null }, { ok: true }],
    [{ stage: "in_review", everApproved: false, retentionUntil: null }, { ok: true }],
    [{ stage: "draft", everApproved: true, retentionUntil: null }, { ok: false, code: "kept_for_the_record", message: "This version was approved before: its record is kept and it cannot be deleted." }],
    [{ stage: "in_review", everApproved: true, retentionUntil: null }, { ok: false, code: "kept_for_the_record", message: "This version was approved before: its record is kept and it cannot be deleted." }],
    [{ stage: "approved", everApproved: true, retentionUntil: null }, { ok: false, code: "kept_for_the_record", message: "This version is approved: it cannot be deleted. Retire it when it leaves service." }],
    [{ stage: "deployed", everApproved: true, retentionUntil: null }, { ok: false, code: "kept_for_the_record", message: "This version is deployed: it cannot be deleted. Retire it when it leaves service." }],
    [{ stage: "retired", everApproved: true, retentionUntil: new Date("2036-01-15T10:00:00.000Z") }, { ok: false, code: "retention", message: "This retired version must be kept until 2036-01-15 (EU AI Act Art. 18): it cannot be deleted before then." }],
    [{ stage: "retired", everApproved: true, retentionUntil: null }, { ok: false, code: "retention", message: "This retired version must be kept (EU AI Act Art. 18): it cannot be deleted before then." }],
    [{ stage: "retired", everApproved: true, retentionUntil: new Date("2030-06-01T00:00:00.000Z") }, { ok: true }],
  ] as const)("%j → %j", (version, expected) => {
    expect(canDelete(version, NOW)).toEqual(expected);
  });
});

describe("retentionUntil", () => {
  it.each([
    ["2026-03-14T09:30:00.000Z", "2036-03-14T09:30:00.000Z"],
    ["2025-12-31T23:59:59.999Z", "2035-12-31T23:59:59.999Z"],
    // 2034 has no 29 February: the period ends a day later, never earlier.
    ["2024-02-29T12:00:00.000Z", "2034-03-01T12:00:00.000Z"],
    ["2028-02-29T00:00:00.000Z", "2038-03-01T00:00:00.000Z"],
  ])("left service %s → kept until %s", (left, until) => {
    expect(retentionUntil(new Date(left)).toISOString()).toBe(until);
  });

  it("does not change its argument", () => {
    const left = new Date("2026-03-14T09:30:00.000Z");
    retentionUntil(left);
    expect(left.toISOString()).toBe("2026-03-14T09:30:00.000Z");
  });
});

describe("nextReviewDue and isReviewOverdue", () => {
  const APPROVED = new Date("2026-01-10T08:00:00.000Z");
  it.each([
    ["high", "2026-07-09T08:00:00.000Z"],
    ["limited", "2027-01-10T08:00:00.000Z"],
    ["minimal", "2028-01-10T08:00:00.000Z"],
    ["prohibited", null],
    [null, null],
  ] as const)("%s risk approved 2026-01-10 is due %s", (tier, due) => {
    expect(nextReviewDue(APPROVED, tier, DEFAULT_APPROVAL_POLICY)?.toISOString() ?? null).toBe(due);
  });

  it("follows the admin's interval", () => {
    const policy = ZApprovalPolicySchema.parse({ high: { reviewIntervalDays: 30 } });
    expect(nextReviewDue(APPROVED, "high", policy)!.toISOString()).toBe("2026-02-09T08:00:00.000Z");
  });

  it.each([
    ["2026-07-09T07:59:59.999Z", false],
    ["2026-07-09T08:00:00.000Z", false],
    ["2026-07-09T08:00:00.001Z", true],
    ["2027-01-01T00:00:00.000Z", true],
  ])("due 2026-07-09T08:00Z, at %s overdue is %s", (now, overdue) => {
    expect(isReviewOverdue(new Date("2026-07-09T08:00:00.000Z"), new Date(now))).toBe(overdue);
  });

  it.each([
    ["2026-07-08T08:00:00.000Z", 1],
    ["2026-07-08T08:00:00.001Z", 1],
    ["2026-07-09T08:00:00.000Z", 0],
    ["2026-07-10T08:00:00.000Z", -1],
  ])("due 2026-07-09T08:00Z, at %s it is %i days away", (now, days) => {
    expect(daysUntilReview(new Date("2026-07-09T08:00:00.000Z"), new Date(now))).toBe(days);
  });

  it("no due date is never overdue", () => {
    expect(isReviewOverdue(null, new Date("2099-01-01T00:00:00.000Z"))).toBe(false);
  });
});
