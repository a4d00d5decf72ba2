import { describe, expect, it } from "vitest";
import { changedFields, diffCards, mergeConflicts } from "./diff";
import { emptyModelCard, ZModelCardSchema } from "./schema";

const card = (content: unknown) => ZModelCardSchema.parse(content);

const before = card({
  modelDetails: { name: "Credit scorer", version: "1.0.0", license: "mit" },
  intendedUse: { primaryUsers: ["Credit analysts"] },
  humanOversight: { oversightMeasures: "Analyst reviews every score." },
});
const after = card({
  modelDetails: { name: "Credit scorer", version: "1.1.0" },
  intendedUse: { primaryUsers: ["Credit analysts", "Risk managers"], primaryUses: "Ranks applications." },
  humanOversight: { oversightMeasures: "Analyst reviews every score." },
  additionalInformation: { notes: "Imported." },
});

describe("diffCards", () => {
  it("lists added, removed and changed fields in template order, with labels", () => {
    expect(diffCards(before, after)).toEqual([
      { section: "modelDetails", field: "version", label: "Version", before: "1.0.0", after: "1.1.0", kind: "changed" },
      { section: "modelDetails", field: "license", label: "Licence", before: "mit", after: null, kind: "removed" },
      { section: "intendedUse", field: "primaryUses", label: "Primary intended uses", before: null, after: "Ranks applications.", kind: "added" },
      {
        section: "intendedUse",
        field: "primaryUsers",
        label: "Primary intended users",
        before: ["Credit analysts"],
        after: ["Credit analysts", "Risk managers"],
        kind: "changed",
      },
      { section: "additionalInformation", field: "notes", label: "Notes", before: null, after: "Imported.", kind: "added" },
    ]);
  });

  it.each([
    ["identical cards", before, structuredClone(before)],
    ["empty and absent fields", { intendedUse: { primaryUses: "  " } }, emptyModelCard()],
    ["a missing section and an empty one", {}, emptyModelCard()],
  ])("finds no difference between %s", (_, a, b) => {
    expect(diffCards(a, b)).toEqual([]);
  });

  it("sees the order of list items as a change", () => {
    expect(diffCards({ factors: { relevantGroups: ["a", "b"] } }, { factors: { relevantGroups: ["b", "a"] } })).toMatchObject([
      { section: "factors", field: "relevantGroups", kind: "changed" },
    ]);
  });
});

describe("changedFields", () => {
  it("names the changed fields as section.field paths for the audit event", () => {
    expect(changedFields(before, after)).toEqual([
      "modelDetails.version",
      "modelDetails.license",
      "intendedUse.primaryUses",
      "intendedUse.primaryUsers",
      "additionalInformation.notes",
    ]);
  });

  it("is empty for a save that changed nothing", () => {
    expect(changedFields(before, before)).toEqual([]);
  });
});

describe("mergeConflicts", () => {
  const base = card({ modelDetails: { name: "Scorer", version: "1.0.0", license: "mit" }, metrics: { decisionThresholds: "0.2" } });

  it.each([
    ["only mine changed", { version: "1.1.0" }, {}, { version: "1.1.0" }],
    ["only theirs changed", {}, { version: "1.2.0" }, { version: "1.2.0" }],
    ["both changed it the same way", { version: "2.0.0" }, { version: "2.0.0" }, { version: "2.0.0" }],
    ["I cleared it, they left it", { license: undefined }, {}, { license: undefined }],
    ["they cleared it, I left it", {}, { license: undefined }, { license: undefined }],
    ["I added a field", { citation: "Cite us" }, {}, { citation: "Cite us" }],
  ])("takes the changed side when %s, without conflict", (_, myChange, theirChange, expected) => {
    const mine = { ...base, modelDetails: { ...base.modelDetails, ...myChange } };
    const theirs = { ...base, modelDetails: { ...base.modelDetails, ...theirChange } };
    const { merged, conflicts } = mergeConflicts(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.modelDetails).toEqual(card({ modelDetails: { ...base.modelDetails, ...expected } }).modelDetails);
  });

  it("applies non-conflicting changes from both sides and reports each conflict, keeping mine in the merge", () => {
    const mine = card({
      modelDetails: { name: "Scorer", version: "1.1.0", license: "mit", citation: "Mine" },
      metrics: { decisionThresholds: "0.25" },
    });
    const theirs = card({
      modelDetails: { name: "Credit scorer", version: "1.2.0", license: "mit" },
      metrics: {},
    });
    const { merged, conflicts } = mergeConflicts(base, mine, theirs);
    expect(merged).toEqual(
      card({
        modelDetails: { name: "Credit scorer", version: "1.1.0", license: "mit", citation: "Mine" },
        metrics: { decisionThresholds: "0.25" },
      }),
    );
    expect(conflicts).toEqual([
      { section: "modelDetails", field: "version", label: "Version", base: "1.0.0", mine: "1.1.0", theirs: "1.2.0" },
      { section: "metrics", field: "decisionThresholds", label: "Decision thresholds", base: "0.2", mine: "0.25", theirs: null },
    ]);
  });

  it("reports a field both added with different text", () => {
    const { conflicts } = mergeConflicts(emptyModelCard(), { factors: { environments: "EU" } }, { factors: { environments: "France" } });
    expect(conflicts).toEqual([{ section: "factors", field: "environments", label: "Environments", base: null, mine: "EU", theirs: "France" }]);
  });
});
