import { beforeAll, expect } from "vitest";
import type { Db } from "@/db/client";
import { modelMaintainers } from "@/db/schema";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { recordEvaluationCounts } from "@/lib/services/evaluations/record-counts";
import { waiveEvaluation } from "@/lib/services/evaluations/waive-evaluation";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { decideReview } from "@/lib/services/reviews/decide-review";
import { submitForReview } from "@/lib/services/reviews/submit-for-review";
import { createUser } from "@/lib/services/users/create-user";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { obligationsOfModel } from "@/lib/services/risk/queries";
import { updateObligation } from "@/lib/services/risk/update-obligation";
import { completeCard } from "./cards";
import { contextFor, headSeq, rejection, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "./fixtures";
import type { TestDatabase } from "./test-db";

export const HIGH = { role: "provider", annexIIIPoints: ["5(b)"] };
export const MINIMAL = { role: "provider" };
export const FAIR = { overall: { tp: 62, fp: 19, tn: 99, fn: 20 }, attributes: { sex: { groups: { F: { tp: 30, fp: 10, tn: 50, fn: 10 }, M: { tp: 32, fp: 9, tn: 49, fn: 10 } } } } };
export const UNFAIR = { overall: { tp: 55, fp: 10, tn: 125, fn: 10 }, attributes: { sex: { groups: { F: { tp: 5, fp: 0, tn: 90, fn: 5 }, M: { tp: 50, fp: 10, tn: 35, fn: 5 } } } } };
export const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

type TVersionOptions = { owner?: UserContext; author?: UserContext; maintainers?: UserContext[]; failingWaived?: boolean };

/**
 * Versions of fresh models that meet every precondition of their tier (readyVersion), or are
 * approved by `officer` (and `officer2` for high risk). Each call registers a new model named
 * `${prefix} N`, so several factories can share one database.
 */
export function reviewVersions(db: Db, org: Organisation, officer2: UserContext, prefix = "Review test") {
  const system: ServiceContext = { db, actor: { kind: "system", name: "test" }, request: NO_REQUEST };
  let counter = 0;

  async function readyVersion(tier: "high" | "minimal", options: TVersionOptions = {}) {
    const owner = options.owner ?? org.owner;
    const model = await createModel(system, { name: `${prefix} ${++counter}`, ownerEmail: owner.actor.email });
    for (const m of options.maintainers ?? []) await db.insert(modelMaintainers).values({ modelId: model.id, userId: m.actor.userId });
    await createModelVersion(owner, { slug: model.slug, version: "1.0.0" });
    const target = { slug: model.slug, version: "1.0.0" };
    await saveModelCard(options.author ?? owner, { ...target, baseRevision: null, content: completeCard(tier), source: "api" });
    const proposal = await proposeClassification(owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: tier === "high" ? HIGH : MINIMAL });
    await confirmClassification(org.officer, { classificationId: proposal.id });
    let evaluationId: string | null = null;
    if (tier === "high") {
      const evaluation = await recordEvaluationCounts(owner, { ...target, name: "holdout", ...(options.failingWaived ? UNFAIR : FAIR) });
      evaluationId = evaluation.id;
      if (options.failingWaived) {
        expect(evaluation.result).toBe("fail");
        await waiveEvaluation(org.officer, { evaluationId: evaluation.id, justification: "Accepted for the pilot; retrain next quarter.", expiresAt: inAYear() });
      }
      for (const o of await obligationsOfModel(db, model.id)) {
        if (o.applicable) await updateObligation(owner, { obligationId: o.id, status: "met", note: `Evidence for ${o.article} is on file.` });
      }
    }
    return { model, target, evaluationId };
  }

  async function approvedVersion(tier: "high" | "minimal", options: TVersionOptions = {}) {
    const ready = await readyVersion(tier, options);
    await submitForReview(options.owner ?? org.owner, ready.target);
    await decideReview(org.officer, { ...ready.target, decision: "approve" });
    if (tier === "high") await decideReview(officer2, { ...ready.target, decision: "approve" });
    return ready;
  }

  return { system, readyVersion, approvedVersion };
}

/**
 * Registers a beforeAll on the enclosing describe: the demo organisation, a second compliance
 * officer (officer.two@bank.eu) and a version factory. Read the fields inside tests.
 */
export function useReviewFixtures(t: TestDatabase, prefix: string) {
  const fixtures = {} as { org: Organisation; officer2: UserContext; versions: ReturnType<typeof reviewVersions> };
  beforeAll(async () => {
    fixtures.org = await seedOrganisation(t.db);
    await createUser(fixtures.org.admin, { email: "officer.two@bank.eu", name: "Otto Two", roles: ["compliance_officer"], password: TEST_PASSWORD });
    fixtures.officer2 = await contextFor(t.db, "officer.two@bank.eu");
    fixtures.versions = reviewVersions(t.db, fixtures.org, fixtures.officer2, prefix);
  });
  return fixtures;
}

/** The call fails with this error class and writes no audit event. */
export async function refusedWith(db: Db, type: new (...args: never[]) => Error, action: () => Promise<unknown>) {
  const seq = await headSeq(db);
  const error = await rejection(action());
  expect(error).toBeInstanceOf(type);
  expect(await headSeq(db)).toBe(seq);
  return error;
}
