import { z } from "zod";

/**
 * Pass/fail policy for fairness evaluations, set by an admin per risk tier. Each field defaults
 * to the value in issue 5, so `ZFairnessThresholdsSchema.parse({})` is DEFAULTS.
 */
const DEFAULTS = {
  minDemographicParityRatio: 0.8,
  maxDemographicParityDifference: 0.1,
  maxEqualOpportunityDifference: 0.1,
  maxEqualizedOddsDifference: 0.1,
  minGroupSize: 30,
};

const fraction = (what: string) =>
  z.number({ error: `${what} must be a number between 0 and 1.` }).min(0, `${what} must be at least 0.`).max(1, `${what} must be at most 1.`);

export const ZFairnessThresholdsSchema = z.strictObject({
  minDemographicParityRatio: fraction("The minimum demographic parity ratio").default(DEFAULTS.minDemographicParityRatio),
  maxDemographicParityDifference: fraction("The maximum demographic parity difference").default(DEFAULTS.maxDemographicParityDifference),
  maxEqualOpportunityDifference: fraction("The maximum equal opportunity difference").default(DEFAULTS.maxEqualOpportunityDifference),
  maxEqualizedOddsDifference: fraction("The maximum equalized odds difference").default(DEFAULTS.maxEqualizedOddsDifference),
  minGroupSize: z
    .number({ error: "The minimum group size must be a whole number." })
    .int("The minimum group size must be a whole number.")
    .min(1, "The minimum group size must be at least 1.")
    .max(1_000_000_000, "The minimum group size must be at most 1,000,000,000.")
    .default(DEFAULTS.minGroupSize),
});

export type TFairnessThresholds = z.output<typeof ZFairnessThresholdsSchema>;
export type TFairnessThresholdsInput = z.input<typeof ZFairnessThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Readonly<TFairnessThresholds> = Object.freeze({ ...DEFAULTS });
