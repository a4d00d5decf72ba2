import { z } from "zod";
import { errorResponse } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/route";
import { evaluateRisk, parseRiskAnswers } from "@/lib/domain/risk/ruleset";

/**
 * The ruleset as a stateless service for intake tools and pipelines: answers in, tier, legal
 * basis and obligations out. Nothing is stored. Unknown keys or values get 422 naming them.
 */
export const POST = apiRoute({ permission: "models.read", input: z.unknown() }, async (_ctx, body) => {
  const parsed = parseRiskAnswers(body);
  if (!parsed.success) return errorResponse(422, "unprocessable", "Some answers are not valid.", { fields: Object.fromEntries(parsed.errors.map((e) => [e.path, e.message])) });
  const { rulesetVersion, tier, flags, legalBasis, obligations, rationale } = evaluateRisk(parsed.answers);
  return { rulesetVersion, tier, flags, legalBasis, obligations: obligations.map(({ article, title, appliesFrom, legalStatus }) => ({ article, title, appliesFrom, legalStatus })), rationale };
});
