import { describe, expect, it } from "vitest";
import type { TRiskTier } from "../model-card/template";
import { DEFAULT_APPROVAL_POLICY, ZApprovalPolicySchema } from "./policy";
import { approvalState, decisionRefusal, DECISIONS, requiredApprovals, type TDecision, type TDecisionRequest, type TRecordedDecision } from "./separation-of-duties";

const APPROVABLE = ["high", "limited", "minimal"] as const;

function request(tier: TRiskTier | null, decision: TDecision, overrides: Partial<TDecisionRequest> = {}): TDecisionRequest {
  return {
    approver: { id: "officer-a", roles: ["compliance_officer"] },
    model: { ownerId: "owner", maintainerIds: ["maintainer-1", "maintainer-2"] },
    submitterId: "submitter",
    cardAuthorIds: ["owner", "author-2", null],
    priorApprovals: [],
    tier,
    policy: DEFAULT_APPROVAL_POLICY,
    decision,
    comment: decision === "approve" ? "" : "Art. 14 oversight measures are vague.",
    ...overrides,
  };
}

const approval = (approverId: string, valid = true): TRecordedDecision => ({ approverId, decision: "approve", valid });

describe("decisionRefusal: who may decide", () => {
  describe.each(APPROVABLE)("%s risk", (tier) => {
    it.each(DECISIONS)("an independent compliance officer may %s", (decision) => {
      expect(decisionRefusal(request(tier, decision))).toBeNull();
    });

    it.each(DECISIONS.flatMap((decision) => [
      [decision, ["model_owner"], "not_compliance_officer", "Only a compliance officer can approve, request changes or reject."],
      [decision, [], "not_compliance_officer", "Only a compliance officer can approve, request changes or reject."],
      [decision, ["admin"], "not_compliance_officer", "Only a compliance officer can approve, request changes or reject."],
      [decision, ["auditor"], "not_compliance_officer", "Only a compliance officer can approve, request changes or reject."],
      [decision, ["compliance_officer", "admin"], "admin_or_auditor", "You hold the admin role: admins and auditors never decide on reviews, even when they are compliance officers too."],
      [decision, ["auditor", "compliance_officer"], "admin_or_auditor", "You hold the auditor role: admins and auditors never decide on reviews, even when they are compliance officers too."],
    ] as const))("%s by roles %j is refused: %s", (decision, roles, code, message) => {
      expect(decisionRefusal(request(tier, decision, { approver: { id: "officer-a", roles } }))).toEqual({ code, message });
    });

    it.each(DECISIONS.flatMap((decision) => [
      [decision, "owner", "model_owner", "You own this model, so you cannot decide on its review: another compliance officer must."],
      [decision, "maintainer-2", "model_maintainer", "You maintain this model, so you cannot decide on its review: another compliance officer must."],
      [decision, "submitter", "submitter", "You submitted this version, so you cannot decide on its review: another compliance officer must."],
      [decision, "author-2", "card_author", "You wrote a revision of the model card in this dossier, so you cannot decide on its review: another compliance officer must."],
    ] as const))("%s by %s, a compliance officer too, is refused: %s", (decision, id, code, message) => {
      expect(decisionRefusal(request(tier, decision, { approver: { id, roles: ["compliance_officer", "model_owner"] } }))).toEqual({ code, message });
    });
  });

  it("a null card author matches nobody", () => {
    expect(decisionRefusal(request("high", "approve", { cardAuthorIds: [null] }))).toBeNull();
  });

  it("role refusals come before involvement", () => {
    expect(decisionRefusal(request("high", "approve", { approver: { id: "owner", roles: ["model_owner"] } }))!.code).toBe("not_compliance_officer");
  });
});

describe("decisionRefusal: approvals", () => {
  it("high risk: a second approval must come from a different officer", () => {
    const prior = [approval("officer-a")];
    expect(decisionRefusal(request("high", "approve", { priorApprovals: prior }))).toEqual({
      code: "already_approved",
      message: "You have already approved this dossier: high risk needs 2 approvals from different compliance officers.",
    });
    expect(decisionRefusal(request("high", "approve", { priorApprovals: prior, approver: { id: "officer-b", roles: ["compliance_officer"] } }))).toBeNull();
  });

  it.each(["limited", "minimal"] as const)("%s risk: nothing is left to approve after one approval", (tier) => {
    expect(decisionRefusal(request(tier, "approve", { priorApprovals: [approval("officer-a")] }))).toEqual({
      code: "already_approved",
      message: "You have already approved this dossier.",
    });
    expect(decisionRefusal(request(tier, "approve", { priorApprovals: [approval("officer-b")] }))).toEqual({
      code: "approvals_complete",
      message: `This dossier already has the 1 approval ${tier} risk needs.`,
    });
  });

  it("high risk: a third approval is refused once two officers approved", () => {
    const prior = [approval("officer-b"), approval("officer-c")];
    expect(decisionRefusal(request("high", "approve", { priorApprovals: prior }))).toEqual({
      code: "approvals_complete",
      message: "This dossier already has the 2 approvals high risk needs.",
    });
  });

  it("an invalidated approval does not count: the same officer may approve the new dossier", () => {
    expect(decisionRefusal(request("high", "approve", { priorApprovals: [approval("officer-a", false)] }))).toBeNull();
    expect(decisionRefusal(request("minimal", "approve", { priorApprovals: [approval("officer-b", false)] }))).toBeNull();
  });

  it("an admin may raise the count: three officers for high risk", () => {
    const policy = ZApprovalPolicySchema.parse({ high: { approvalsRequired: 3 } });
    const prior = [approval("officer-b"), approval("officer-c")];
    expect(decisionRefusal(request("high", "approve", { policy, priorApprovals: prior }))).toBeNull();
  });

  it("an officer who approved may still request changes or reject", () => {
    const prior = [approval("officer-a")];
    expect(decisionRefusal(request("high", "request_changes", { priorApprovals: prior }))).toBeNull();
    expect(decisionRefusal(request("high", "reject", { priorApprovals: prior }))).toBeNull();
  });

  it.each([
    ["prohibited", "A prohibited model can never be approved (Art. 5)."],
    [null, "The model has no confirmed risk classification, so the version cannot be approved."],
  ] as const)("%s is never approvable", (tier, message) => {
    expect(decisionRefusal(request(tier, "approve"))).toEqual({ code: "not_approvable", message });
  });

  it("a prohibited version may still be rejected", () => {
    expect(decisionRefusal(request("prohibited", "reject"))).toBeNull();
  });
});

describe("decisionRefusal: comments", () => {
  it.each(
    APPROVABLE.flatMap((tier) => [
      [tier, "request_changes", "", "Say what must change: a comment is required."],
      [tier, "request_changes", " \n\t", "Say what must change: a comment is required."],
      [tier, "reject", "", "Say why the version is rejected: a comment is required."],
    ] as const),
  )("%s risk, %s with comment %j is refused", (tier, decision, comment, message) => {
    expect(decisionRefusal(request(tier, decision, { comment }))).toEqual({ code: "comment_required", message });
  });

  it.each(APPROVABLE)("%s risk: approving needs no comment", (tier) => {
    expect(decisionRefusal(request(tier, "approve", { comment: "" }))).toBeNull();
  });
});

describe("requiredApprovals", () => {
  it.each([
    ["high", 2],
    ["limited", 1],
    ["minimal", 1],
    ["prohibited", null],
    [null, null],
  ] as const)("%s needs %s", (tier, n) => {
    expect(requiredApprovals(tier, DEFAULT_APPROVAL_POLICY)).toBe(n);
  });
});

describe("approvalState", () => {
  const reject = (approverId: string, valid = true): TRecordedDecision => ({ approverId, decision: "reject", valid });
  const changes = (approverId: string, valid = true): TRecordedDecision => ({ approverId, decision: "request_changes", valid });

  it.each([
    ["high", [], { approvalsValid: 0, required: 2, remaining: 2, decided: "pending" }],
    ["high", [approval("a")], { approvalsValid: 1, required: 2, remaining: 1, decided: "pending" }],
    ["high", [approval("a"), approval("a")], { approvalsValid: 1, required: 2, remaining: 1, decided: "pending" }],
    ["high", [approval("a"), approval("b", false)], { approvalsValid: 1, required: 2, remaining: 1, decided: "pending" }],
    ["high", [approval("a"), approval("b")], { approvalsValid: 2, required: 2, remaining: 0, decided: "approved" }],
    ["high", [approval("a"), changes("b")], { approvalsValid: 1, required: 2, remaining: 1, decided: "changes_requested" }],
    ["high", [approval("a"), approval("b"), reject("c"), changes("d")], { approvalsValid: 2, required: 2, remaining: 0, decided: "rejected" }],
    ["high", [reject("c", false), approval("a")], { approvalsValid: 1, required: 2, remaining: 1, decided: "pending" }],
    ["limited", [approval("a")], { approvalsValid: 1, required: 1, remaining: 0, decided: "approved" }],
    ["limited", [approval("a", false)], { approvalsValid: 0, required: 1, remaining: 1, decided: "pending" }],
    ["minimal", [], { approvalsValid: 0, required: 1, remaining: 1, decided: "pending" }],
    ["minimal", [approval("a"), approval("b")], { approvalsValid: 2, required: 1, remaining: 0, decided: "approved" }],
    ["prohibited", [approval("a")], { approvalsValid: 1, required: null, remaining: null, decided: "not_approvable" }],
    ["prohibited", [reject("a")], { approvalsValid: 0, required: null, remaining: null, decided: "rejected" }],
    [null, [], { approvalsValid: 0, required: null, remaining: null, decided: "not_approvable" }],
  ] as const)("%s risk with %j is %j", (tier, decisions, expected) => {
    expect(approvalState({ decisions, tier, policy: DEFAULT_APPROVAL_POLICY })).toEqual(expected);
  });
});
