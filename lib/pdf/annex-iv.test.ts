import { describe, expect, it } from "vitest";
import { MODEL_CARD_TEMPLATE, sectionOf } from "@/lib/domain/model-card/template";
import { ADDITIONAL_FIELDS, ANNEX_IV, CHAPTER_III_SOLUTIONS, CONFORMITY_FIELDS } from "./annex-iv";

describe("the Annex IV mapping", () => {
  const mapped = [...ANNEX_IV.flatMap((s) => s.points.flatMap((p) => p.fields)), ...ADDITIONAL_FIELDS, ...CONFORMITY_FIELDS];

  it("follows Annex IV points 1 to 9 in order, with 1(a)–(h) and 2(a)–(h)", () => {
    expect(ANNEX_IV.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ANNEX_IV[0]!.points.map((p) => p.ref)).toEqual(["1(a)", "1(b)", "1(c)", "1(d)", "1(e)", "1(f)", "1(g)", "1(h)"]);
    expect(ANNEX_IV[1]!.points.map((p) => p.ref)).toEqual(["2(a)", "2(b)", "2(c)", "2(d)", "2(e)", "2(f)", "2(g)", "2(h)"]);
    const refs = ANNEX_IV.flatMap((s) => s.points.map((p) => p.ref));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it("names only fields that exist in the model-card template", () => {
    for (const [section, field] of mapped) {
      expect(sectionOf(section)?.fields.some((f) => f.key === field), `${section}.${field}`).toBe(true);
    }
  });

  it("prints every field of the card somewhere, so nothing the owner wrote is left out", () => {
    const keys = new Set(mapped.map(([s, f]) => `${s}.${f}`));
    const unmapped = MODEL_CARD_TEMPLATE.flatMap((s) => s.fields.map((f) => `${s.key}.${f.key}`)).filter((k) => !keys.has(k));
    expect(unmapped).toEqual([]);
  });

  it("answers point 2(d) with the training-data datasheet and the dataset references, 2(g) with the test reports and 3.2 with the per-group accuracy", () => {
    const point = (ref: string) => ANNEX_IV.flatMap((s) => s.points).find((p) => p.ref === ref)!;
    expect(point("2(d)").fields.every(([s]) => s === "trainingData")).toBe(true);
    expect(point("2(d)").records).toContain("datasets");
    expect(point("2(g)").records).toContain("testReports");
    expect(point("3.2").records).toContain("groupAccuracy");
  });

  it("refers the Chapter III requirements only to parts that exist", () => {
    const refs = new Set([...ANNEX_IV.flatMap((s) => s.points.map((p) => p.ref)), "this document"]);
    for (const s of CHAPTER_III_SOLUTIONS) for (const ref of s.answeredIn) expect(refs.has(ref), `${s.article} → ${ref}`).toBe(true);
  });
});
