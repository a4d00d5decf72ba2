import { describe, expect, it } from "vitest";
import { appliesToday, DIGITAL_OMNIBUS, formatLegalDate, isoDate, KEY_DATE_KEYS, KEY_DATES, rulesetDate, type TKeyDateKey } from "./dates";
import { evaluateRisk } from "./ruleset";
import { answers } from "./test-support";

describe("key dates", () => {
  it.each<[TKeyDateKey, string | null, string, string | null, string | null]>([
    // key, Act date, Act citation, omnibus date, omnibus status
    ["entry-into-force", "2024-08-01", "Art. 113", null, null],
    ["prohibitions", "2025-02-02", "Art. 113(a)", null, null],
    ["ai-literacy", "2025-02-02", "Art. 113(a)", null, "adopted, awaiting Official Journal publication"],
    ["prohibition-intimate-content", null, "not in Regulation (EU) 2024/1689 as published", "2026-12-02", "adopted, awaiting Official Journal publication"],
    ["gpai", "2025-08-02", "Art. 113(b)", null, null],
    ["governance-and-penalties", "2025-08-02", "Art. 113(b)", null, null],
    ["general-application", "2026-08-02", "Art. 113, second paragraph", null, null],
    ["transparency", "2026-08-02", "Art. 113, second paragraph", null, null],
    ["transparency-marking-legacy", "2026-08-02", "Art. 113, second paragraph", "2026-12-02", "adopted, awaiting Official Journal publication"],
    ["high-risk-annex-iii", "2026-08-02", "Art. 113, second paragraph", "2027-12-02", "adopted, awaiting Official Journal publication"],
    ["high-risk-annex-i", "2027-08-02", "Art. 113(c)", "2028-08-02", "adopted, awaiting Official Journal publication"],
    ["national-sandboxes", "2026-08-02", "Art. 57(1)", "2027-08-02", "adopted, awaiting Official Journal publication"],
    ["legacy-gpai-models", "2027-08-02", "Art. 111(3)", null, null],
    ["legacy-public-authority-high-risk", "2030-08-02", "Art. 111(2)", null, null],
    ["legacy-annex-x-it-systems", "2030-12-31", "Art. 111(1)", null, null],
  ])("%s: Act %s (%s), omnibus %s (%s)", (key, actDate, citation, omnibusDate, omnibusStatus) => {
    const entry = KEY_DATES.find((d) => d.key === key);
    expect(entry?.act).toEqual({ date: actDate, citation });
    expect(entry?.omnibus?.date ?? null).toBe(omnibusDate);
    expect(entry?.omnibus?.status ?? null).toBe(omnibusStatus);
  });

  it("has one entry per key, in order", () => {
    expect(KEY_DATES.map((d) => d.key)).toEqual([...KEY_DATE_KEYS]);
  });

  it("records the omnibus procedure as adopted and not yet published", () => {
    expect(DIGITAL_OMNIBUS).toMatchObject({
      proposal: "COM(2025) 836",
      procedure: "2025/0359(COD)",
      councilAdoptionOn: "2026-06-29",
      officialJournalPublicationOn: null,
      status: "adopted, awaiting Official Journal publication",
    });
  });

  it.each<[TKeyDateKey, string, string, string | null]>([
    ["prohibitions", "2025-02-02", "in force", "2025-02-02"],
    ["ai-literacy", "2025-02-02", "in force", "2025-02-02"],
    ["gpai", "2025-08-02", "in force", "2025-08-02"],
    ["transparency", "2026-08-02", "in force", "2026-08-02"],
    ["prohibition-intimate-content", "2026-12-02", "adopted, awaiting Official Journal publication", null],
    ["high-risk-annex-iii", "2027-12-02", "adopted, awaiting Official Journal publication", "2026-08-02"],
    ["high-risk-annex-i", "2028-08-02", "adopted, awaiting Official Journal publication", "2027-08-02"],
  ])("the ruleset uses the omnibus date where adopted: %s → %s (%s)", (key, date, status, actDate) => {
    expect(rulesetDate(key)).toEqual({ date, status, actDate });
  });
});

describe("appliesToday", () => {
  const highRisk = evaluateRisk(answers({ annexIIIPoints: ["5(b)"] })).obligations;

  it.each<[string, string | Date, boolean]>([
    ["2027-12-02", "2027-12-01", false],
    ["2027-12-02", "2027-12-02", true],
    ["2027-12-02", "2027-12-03", true],
    ["2026-08-02", new Date("2026-08-01T23:59:59.999Z"), false],
    ["2026-08-02", new Date("2026-08-02T00:00:00.000Z"), true],
  ])("an obligation from %s on %s: %s", (appliesFrom, today, expected) => {
    expect(appliesToday({ appliesFrom }, today)).toBe(expected);
  });

  it("on 27 Nov 2026, AI literacy applies to a credit-scoring provider but the high-risk requirements do not yet", () => {
    expect(highRisk.filter((o) => appliesToday(o, "2026-11-27")).map((o) => o.article)).toEqual(["Art. 4"]);
    expect(highRisk.filter((o) => appliesToday(o, "2027-12-02")).length).toBe(highRisk.length);
  });

  it.each(["2026-8-2", "02/08/2026", ""])("refuses %j as a date", (text) => {
    expect(() => isoDate(text)).toThrow("Not an ISO date");
  });
});

describe("formatLegalDate", () => {
  it.each([
    ["2025-02-02", "2 Feb 2025"],
    ["2027-12-02", "2 Dec 2027"],
    ["2030-12-31", "31 Dec 2030"],
  ])("%s → %s", (date, text) => {
    expect(formatLegalDate(date)).toBe(text);
  });
});
