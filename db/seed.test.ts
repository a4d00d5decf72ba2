import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { models, obligations, riskClassifications } from "@/db/schema";
import { useTestDatabase } from "@/tests/helpers/test-db";
import { seedDemo } from "./seed";

describe("the demo seed [PGlite]", () => {
  const t = useTestDatabase("pglite");

  it("classifies the demo models after their cards, so no classification starts out needing review", async () => {
    expect(await seedDemo(t.db)).not.toBeNull();
    const rows = await t.db
      .select({ slug: models.slug, riskTier: models.riskTier, status: riskClassifications.status, finalTier: riskClassifications.finalTier, needsReview: riskClassifications.needsReview })
      .from(riskClassifications)
      .innerJoin(models, eq(models.id, riskClassifications.modelId))
      .orderBy(models.slug);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row, row.slug).toMatchObject({ status: "confirmed", finalTier: row.riskTier, needsReview: false });
    expect((await t.db.select().from(obligations)).length).toBeGreaterThan(0);
    // Seeding twice does nothing.
    expect(await seedDemo(t.db)).toBeNull();
  });
});
