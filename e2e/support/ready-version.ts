import { expect, type APIRequestContext } from "@playwright/test";
import { RULESET_VERSION } from "../../lib/domain/risk/ruleset";
import { completeCard } from "../../tests/helpers/cards";

const FAIR = { overall: { tp: 62, fp: 19, tn: 99, fn: 20 }, attributes: { sex: { groups: { F: { tp: 30, fp: 10, tn: 50, fn: 10 }, M: { tp: 32, fp: 9, tn: 49, fn: 10 } } } } };

/**
 * A new model named `name` with version 1.0.0 meeting every precondition of its tier, prepared
 * through the API: the owner writes the card, proposes the classification, uploads a passing
 * evaluation and meets the obligations (high risk); the officer confirms. Returns the version's API path.
 */
export async function readyVersion(owner: APIRequestContext, officer: APIRequestContext, name: string, tier: "high" | "minimal"): Promise<string> {
  const model = await owner.post("/api/v1/models", { data: { name } });
  expect(model.status()).toBe(201);
  const { slug } = await model.json();
  expect((await owner.post(`/api/v1/models/${slug}/versions`, { data: { version: "1.0.0" } })).status()).toBe(201);
  const base = `/api/v1/models/${slug}/versions/1.0.0`;
  const card = await owner.put(`${base}/card`, { headers: { "If-Match": '"rev-0"' }, data: completeCard(tier) });
  expect(card.status()).toBe(201);
  const answers = tier === "high" ? { role: "provider", annexIIIPoints: ["5(b)"] } : { role: "provider" };
  const proposal = await owner.post(`/api/v1/models/${slug}/classifications`, { data: { rulesetVersion: RULESET_VERSION, answers } });
  expect(proposal.status()).toBe(201);
  expect((await officer.post(`/api/v1/models/${slug}/classifications/${(await proposal.json()).id}/confirm`)).status()).toBe(200);
  if (tier === "high") {
    expect((await owner.post(`${base}/evaluations?name=holdout`, { data: FAIR })).status()).toBe(201);
    const { obligations } = await (await owner.get(`/api/v1/models/${slug}/obligations`)).json();
    for (const o of obligations as { id: string; article: string; applicable: boolean }[]) {
      if (!o.applicable) continue;
      expect((await owner.patch(`/api/v1/obligations/${o.id}`, { data: { status: "met", note: `Evidence for ${o.article} is on file.` } })).status()).toBe(200);
    }
  }
  return base;
}
