import { ANNEX_III_POINTS, DEROGATION_CONDITIONS, OPERATOR_ROLES, PROHIBITED_PRACTICES, TRANSPARENCY_TRIGGERS } from "./act";
import { ZRiskAnswersSchema, type TRiskAnswers, type TRiskAnswersInput } from "./ruleset";

/** Test helper: answers through the schema, as the API would receive them; role defaults to provider. */
export function answers(partial: Partial<TRiskAnswersInput> = {}): TRiskAnswers {
  return ZRiskAnswersSchema.parse({ role: "provider", ...partial });
}

/** A small deterministic PRNG (mulberry32), so generated cases are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPUTE_SAMPLES = [null, 0, 9.99e24, 1e25, 1.0000001e25, 3e25];

/**
 * Answer sets spread over every rule: each list code is picked rarely, so that prohibited,
 * high, derogated, limited and minimal systems all occur often.
 */
export function randomAnswers(random: () => number): TRiskAnswers {
  const pick = <T>(values: readonly T[], p: number) => values.filter(() => random() < p);
  return answers({
    role: OPERATOR_ROLES[Math.floor(random() * OPERATOR_ROLES.length)],
    publicBodyOrPublicService: random() < 0.5,
    prohibitedPractices: pick(PROHIBITED_PRACTICES, 0.03),
    annexISafetyComponent: random() < 0.3,
    annexIThirdPartyAssessment: random() < 0.5,
    annexIIIPoints: pick(ANNEX_III_POINTS, 0.05),
    derogation: pick(DEROGATION_CONDITIONS, 0.3),
    profiling: random() < 0.3,
    transparency: pick(TRANSPARENCY_TRIGGERS, 0.25),
    gpai: random() < 0.4,
    trainingComputeFlops: COMPUTE_SAMPLES[Math.floor(random() * COMPUTE_SAMPLES.length)],
    gpaiDesignatedSystemic: random() < 0.2,
  });
}
