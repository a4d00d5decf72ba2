import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../canonical-json";
import { buildDossier, dossierDiff, dossierHash, type TDossier, type TDossierInput } from "./dossier";

const SHA_A = "a".repeat(64);
const SHA_B = "b".repeat(64);
const SHA_C = "c".repeat(64);

/** A high-risk credit model's dossier as rows come back from the database (unordered). */
function input(): TDossierInput {
  return {
    version: { id: "v-1", label: "2.1.0" },
    card: { revision: 4, contentHash: SHA_A },
    classification: {
      id: "c-1",
      status: "confirmed",
      finalTier: "high",
      rulesetVersion: "eu-ai-act-2024-1689/2026-omnibus",
      legalBasis: [{ text: "Creditworthiness evaluation of natural persons.", point: "5(b)", article: "Annex III" }],
      overrideJustification: null,
    },
    evaluations: [
      { id: "e-2", name: "holdout-Q4", inputSha256: SHA_C, result: "pass", waiver: null },
      { id: "e-1", name: "holdout-Q3", inputSha256: SHA_B, result: "fail", waiver: { justification: "Group too small; retrain in Q1.", expiresAt: "2026-09-30T00:00:00Z" } },
    ],
    obligations: [
      { article: "Art. 72", status: "in_progress", note: "", evidence: [] },
      {
        article: "Art. 9",
        status: "met",
        note: "Risk register RM-12.",
        evidence: [
          { kind: "note", note: "Reviewed by the risk committee." },
          { kind: "link", url: "https://wiki.example/rm-12" },
          { kind: "file", sha256: SHA_C, fileName: "rm-12.pdf" },
        ],
      },
      { article: "Art. 10", status: "not_applicable", note: "Rule-based: no training data.", evidence: [] },
    ],
  };
}

/** What buildDossier(input()) must be, key order as canonical JSON writes it. */
const EXPECTED_CANONICAL =
  '{"card":{"contentHash":"' + SHA_A + '","revision":4},' +
  '"classification":{"finalTier":"high","id":"c-1","legalBasis":[{"article":"Annex III","point":"5(b)","text":"Creditworthiness evaluation of natural persons."}],"overrideJustification":null,"rulesetVersion":"eu-ai-act-2024-1689/2026-omnibus","status":"confirmed"},' +
  '"evaluations":[' +
  '{"id":"e-1","inputSha256":"' + SHA_B + '","name":"holdout-Q3","result":"fail","waiver":{"expiresAt":"2026-09-30T00:00:00.000Z","justification":"Group too small; retrain in Q1."}},' +
  '{"id":"e-2","inputSha256":"' + SHA_C + '","name":"holdout-Q4","result":"pass","waiver":null}],' +
  '"format":"attest-dossier/1",' +
  '"obligations":[' +
  '{"article":"Art. 9","evidence":[' +
  '{"fileName":"rm-12.pdf","kind":"file","note":"","sha256":"' + SHA_C + '"},' +
  '{"kind":"link","note":"","url":"https://wiki.example/rm-12"},' +
  '{"kind":"note","note":"Reviewed by the risk committee."}],"note":"Risk register RM-12.","status":"met"},' +
  '{"article":"Art. 10","evidence":[],"note":"Rule-based: no training data.","status":"not_applicable"},' +
  '{"article":"Art. 72","evidence":[],"note":"","status":"in_progress"}],' +
  '"version":{"id":"v-1","label":"2.1.0"}}';

// sha256 of EXPECTED_CANONICAL, computed outside the code under test (Python's hashlib).
const EXPECTED_HASH = "527313894237b971b20bb58044054130e5a1aaeb3c893e693561b1bf1e72a1f6";

describe("buildDossier and dossierHash", () => {
  it("normalise to the literal canonical form and hash", () => {
    const dossier = buildDossier(input());
    expect(canonicalJson(dossier)).toBe(EXPECTED_CANONICAL);
    expect(dossierHash(dossier)).toBe(EXPECTED_HASH);
    expect(dossierHash(dossier)).toBe(createHash("sha256").update(EXPECTED_CANONICAL, "utf8").digest("hex"));
  });

  it("sorts evaluations by id, obligations in the Act's order, evidence by content", () => {
    const dossier = buildDossier(input());
    expect(dossier.evaluations.map((e) => e.id)).toEqual(["e-1", "e-2"]);
    expect(dossier.obligations.map((o) => o.article)).toEqual(["Art. 9", "Art. 10", "Art. 72"]);
    expect(dossier.obligations[0]!.evidence.map((e) => e.kind)).toEqual(["file", "link", "note"]);
  });

  it("puts articles it does not know after the known ones, by text", () => {
    const rows = input();
    const dossier = buildDossier({
      ...rows,
      obligations: [
        { article: "Art. 99", status: "met", note: "x", evidence: [] },
        { article: "Art. 4", status: "met", note: "x", evidence: [] },
        { article: "Art. 100", status: "met", note: "x", evidence: [] },
      ],
    });
    expect(dossier.obligations.map((o) => o.article)).toEqual(["Art. 4", "Art. 100", "Art. 99"]);
  });

  it("holds a draft with no card and no classification", () => {
    const dossier = buildDossier({ version: { id: "v-9", label: "0.1" }, card: null, classification: null, evaluations: [], obligations: [] });
    expect(canonicalJson(dossier)).toBe('{"card":null,"classification":null,"evaluations":[],"format":"attest-dossier/1","obligations":[],"version":{"id":"v-9","label":"0.1"}}');
  });

  it("refuses a waiver expiry that is not a date", () => {
    const rows = input();
    const evaluations = [{ ...rows.evaluations[1]!, waiver: { justification: "x", expiresAt: "next quarter" } }];
    expect(() => buildDossier({ ...rows, evaluations })).toThrow(new RangeError("Not a date: next quarter"));
  });
});

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("the hash does not depend on row order or representation", () => {
  const rows = input();
  const evidence = rows.obligations[1]!.evidence;

  it.each(permutations(rows.obligations).map((p, i) => [i, p] as const))("obligation order #%i", (_, obligations) => {
    expect(dossierHash(buildDossier({ ...rows, obligations }))).toBe(EXPECTED_HASH);
  });

  it.each(permutations(evidence).map((p, i) => [i, p] as const))("evidence order #%i", (_, shuffled) => {
    const obligations = rows.obligations.map((o) => (o.article === "Art. 9" ? { ...o, evidence: shuffled } : o));
    expect(dossierHash(buildDossier({ ...rows, obligations }))).toBe(EXPECTED_HASH);
  });

  it("evaluation order", () => {
    expect(dossierHash(buildDossier({ ...rows, evaluations: [...rows.evaluations].reverse() }))).toBe(EXPECTED_HASH);
  });

  it("a waiver expiry as a Date, or in another ISO spelling of the same instant", () => {
    for (const expiresAt of [new Date("2026-09-30T00:00:00.000Z"), "2026-09-30T02:00:00+02:00"]) {
      const evaluations = rows.evaluations.map((e) => (e.waiver ? { ...e, waiver: { ...e.waiver, expiresAt } } : e));
      expect(dossierHash(buildDossier({ ...rows, evaluations }))).toBe(EXPECTED_HASH);
    }
  });

  it("the key order of the legal basis and an absent override justification", () => {
    const c = rows.classification!;
    const classification = { id: c.id, status: c.status, finalTier: c.finalTier, rulesetVersion: c.rulesetVersion, legalBasis: [{ article: "Annex III", text: "Creditworthiness evaluation of natural persons.", point: "5(b)" }] };
    expect(dossierHash(buildDossier({ ...rows, classification }))).toBe(EXPECTED_HASH);
  });

  it("an absent evidence note or file name is the empty note and null", () => {
    const obligations = rows.obligations.map((o) =>
      o.article === "Art. 9" ? { ...o, evidence: [{ kind: "file" as const, sha256: SHA_C, fileName: "rm-12.pdf", note: "" }, { kind: "link" as const, url: "https://wiki.example/rm-12", note: "" }, evidence[0]!] } : o,
    );
    expect(dossierHash(buildDossier({ ...rows, obligations }))).toBe(EXPECTED_HASH);
  });

  it("does not keep references to the rows", () => {
    const mutable = input();
    const dossier = buildDossier(mutable);
    (mutable.classification!.legalBasis as { point: string }[])[0]!.point = "5(c)";
    expect(dossierHash(dossier)).toBe(EXPECTED_HASH);
  });
});

type TMutation = (rows: TDossierInput) => TDossierInput;

const withEvaluation = (id: string, change: (e: TDossierInput["evaluations"][number]) => TDossierInput["evaluations"][number]): TMutation => (rows) => ({
  ...rows,
  evaluations: rows.evaluations.map((e) => (e.id === id ? change(e) : e)),
});
const withObligation = (article: string, change: (o: TDossierInput["obligations"][number]) => TDossierInput["obligations"][number]): TMutation => (rows) => ({
  ...rows,
  obligations: rows.obligations.map((o) => (o.article === article ? change(o) : o)),
});
const withClassification = (change: Partial<NonNullable<TDossierInput["classification"]>>): TMutation => (rows) => ({
  ...rows,
  classification: { ...rows.classification!, ...change },
});

/** Every element of the dossier changed in turn: the hash must change and the diff must say how. */
const MUTATIONS: [string, TMutation, string[]][] = [
  ["version label", (r) => ({ ...r, version: { ...r.version, label: "2.1.1" } }), ["version label 2.1.0 → 2.1.1"]],
  ["version id", (r) => ({ ...r, version: { id: "v-2", label: "2.2.0" } }), ["model version 2.1.0 replaced by 2.2.0"]],
  ["card revision", (r) => ({ ...r, card: { revision: 5, contentHash: SHA_B } }), ["card revision 4 → 5"]],
  ["card content, same revision", (r) => ({ ...r, card: { revision: 4, contentHash: SHA_B } }), ["card revision 4 content changed"]],
  ["card removed", (r) => ({ ...r, card: null }), ["card removed (was revision 4)"]],
  ["classification replaced, new tier", withClassification({ id: "c-2", finalTier: "limited" }), ["risk classification replaced: high risk → limited risk"]],
  ["classification replaced, same tier", withClassification({ id: "c-2" }), ["risk classification replaced (still high risk)"]],
  ["classification removed", (r) => ({ ...r, classification: null }), ["risk classification removed (was high risk)"]],
  ["classification status", withClassification({ status: "overridden" }), ["risk classification confirmed → overridden"]],
  ["classification tier", withClassification({ finalTier: "minimal" }), ["risk tier high → minimal"]],
  ["classification ruleset", withClassification({ rulesetVersion: "eu-ai-act-2024-1689" }), ["risk ruleset eu-ai-act-2024-1689/2026-omnibus → eu-ai-act-2024-1689"]],
  ["classification legal basis", withClassification({ legalBasis: [] }), ["risk classification legal basis changed"]],
  ["classification override justification", withClassification({ overrideJustification: "Internal use only." }), ["risk classification override justification changed"]],
  ["evaluation added", (r) => ({ ...r, evaluations: [...r.evaluations, { id: "e-3", name: "shadow", inputSha256: SHA_A, result: "fail", waiver: null }] }), ["evaluation shadow added (fail)"]],
  ["evaluation removed", (r) => ({ ...r, evaluations: r.evaluations.filter((e) => e.id !== "e-2") }), ["evaluation holdout-Q4 removed"]],
  ["evaluation renamed", withEvaluation("e-2", (e) => ({ ...e, name: "holdout-Q4b" })), ["evaluation holdout-Q4 renamed to holdout-Q4b"]],
  ["evaluation input", withEvaluation("e-2", (e) => ({ ...e, inputSha256: SHA_A })), ["evaluation holdout-Q4 input changed"]],
  ["evaluation result", withEvaluation("e-2", (e) => ({ ...e, result: "fail" })), ["evaluation holdout-Q4 result pass → fail"]],
  ["evaluation waived", withEvaluation("e-2", (e) => ({ ...e, waiver: { justification: "Accepted.", expiresAt: "2026-12-31T00:00:00Z" } })), ["evaluation holdout-Q4 waived"]],
  ["waiver withdrawn", withEvaluation("e-1", (e) => ({ ...e, waiver: null })), ["evaluation holdout-Q3 waiver withdrawn"]],
  ["waiver expiry", withEvaluation("e-1", (e) => ({ ...e, waiver: { ...e.waiver!, expiresAt: "2026-12-31T00:00:00Z" } })), ["evaluation holdout-Q3 waiver expiry 2026-09-30 → 2026-12-31"]],
  ["waiver justification", withEvaluation("e-1", (e) => ({ ...e, waiver: { ...e.waiver!, justification: "Other." } })), ["evaluation holdout-Q3 waiver justification changed"]],
  ["obligation status", withObligation("Art. 9", (o) => ({ ...o, status: "in_progress" })), ["obligation Art. 9 status met → in progress"]],
  ["obligation note", withObligation("Art. 10", (o) => ({ ...o, note: "Rule-based." })), ["obligation Art. 10 note changed"]],
  ["obligation added", (r) => ({ ...r, obligations: [...r.obligations, { article: "Art. 14", status: "not_started", note: "", evidence: [] }] }), ["obligation Art. 14 added (not started)"]],
  ["obligation removed", (r) => ({ ...r, obligations: r.obligations.filter((o) => o.article !== "Art. 72") }), ["obligation Art. 72 removed"]],
  ["evidence file added", withObligation("Art. 72", (o) => ({ ...o, evidence: [{ kind: "file", sha256: SHA_A, fileName: "pmm.pdf" }] })), [`obligation Art. 72 evidence added: file pmm.pdf (sha256 aaaaaaaaaaaa…)`]],
  ["evidence file without name added", withObligation("Art. 72", (o) => ({ ...o, evidence: [{ kind: "file", sha256: SHA_B }] })), [`obligation Art. 72 evidence added: file (sha256 bbbbbbbbbbbb…)`]],
  ["evidence link removed", withObligation("Art. 9", (o) => ({ ...o, evidence: o.evidence.filter((e) => e.kind !== "link") })), ["obligation Art. 9 evidence removed: link https://wiki.example/rm-12"]],
  [
    "evidence note edited",
    withObligation("Art. 9", (o) => ({ ...o, evidence: o.evidence.map((e) => (e.kind === "note" ? { kind: "note", note: "Reviewed by the risk committee on 2026-02-03 and again after the retraining in March." } : e)) })),
    [
      'obligation Art. 9 evidence added: note "Reviewed by the risk committee on 2026-02-03 and again afte…"',
      'obligation Art. 9 evidence removed: note "Reviewed by the risk committee."',
    ],
  ],
  ["evidence file renamed", withObligation("Art. 9", (o) => ({ ...o, evidence: o.evidence.map((e) => (e.kind === "file" ? { ...e, fileName: "rm-12-v2.pdf" } : e)) })), [
    `obligation Art. 9 evidence added: file rm-12-v2.pdf (sha256 cccccccccccc…)`,
    `obligation Art. 9 evidence removed: file rm-12.pdf (sha256 cccccccccccc…)`,
  ]],
  ["evidence duplicated", withObligation("Art. 9", (o) => ({ ...o, evidence: [...o.evidence, o.evidence[1]!] })), ["obligation Art. 9 evidence added: link https://wiki.example/rm-12"]],
];

describe("any change changes the hash, and the diff names it", () => {
  const before = buildDossier(input());

  it.each(MUTATIONS)("%s", (_, mutate, messages) => {
    const after = buildDossier(mutate(input()));
    expect(dossierHash(after)).not.toBe(EXPECTED_HASH);
    expect(dossierDiff(before, after).map((c) => c.message)).toEqual(messages);
  });

  it("gives each change its part and subject", () => {
    const after = buildDossier(withObligation("Art. 9", (o) => ({ ...o, status: "in_progress" }))(withEvaluation("e-2", (e) => ({ ...e, result: "fail" }))(input())));
    expect(dossierDiff(before, after)).toEqual([
      { part: "evaluation", subject: "e-2", message: "evaluation holdout-Q4 result pass → fail" },
      { part: "obligation", subject: "Art. 9", message: "obligation Art. 9 status met → in progress" },
    ]);
  });

  it("lists several changes in dossier order", () => {
    const rows = input();
    const after = buildDossier({
      ...rows,
      card: { revision: 5, contentHash: SHA_B },
      evaluations: rows.evaluations.map((e) => (e.id === "e-2" ? { ...e, waiver: { justification: "ok", expiresAt: "2026-12-31T00:00:00Z" } } : e)),
      obligations: rows.obligations.map((o) => (o.article === "Art. 72" ? { ...o, status: "met" as const, note: "Plan PMM-3." } : o)),
    });
    expect(dossierDiff(before, after).map((c) => c.message)).toEqual([
      "card revision 4 → 5",
      "evaluation holdout-Q4 waived",
      "obligation Art. 72 status in progress → met",
      "obligation Art. 72 note changed",
    ]);
  });

  it("says nothing changed for the same content in another row order", () => {
    const rows = input();
    const after = buildDossier({ ...rows, evaluations: [...rows.evaluations].reverse(), obligations: [...rows.obligations].reverse() });
    expect(dossierDiff(before, after)).toEqual([]);
  });

  it("from a draft with nothing to the full dossier", () => {
    const empty = buildDossier({ version: { id: "v-1", label: "2.1.0" }, card: null, classification: null, evaluations: [], obligations: [] });
    expect(dossierDiff(empty, before).map((c) => c.message)).toEqual([
      "card revision 4 added",
      "risk classification added (high risk)",
      "evaluation holdout-Q3 added (waived)",
      "evaluation holdout-Q4 added (pass)",
      "obligation Art. 9 added (met)",
      "obligation Art. 10 added (not applicable)",
      "obligation Art. 72 added (in progress)",
    ]);
  });

  it("names a format change, and any change its rules cannot place", () => {
    const other: TDossier = { ...before, format: "attest-dossier/2" };
    expect(dossierDiff(before, other)).toEqual([{ part: "dossier", message: "dossier format attest-dossier/1 → attest-dossier/2" }]);
    // Two rows with one id (which buildDossier never gets from the database) differ only in the first.
    const duplicated: TDossier = { ...before, evaluations: [{ ...before.evaluations[0]!, result: "pass" }, before.evaluations[0]!, before.evaluations[1]!] };
    const twice: TDossier = { ...before, evaluations: [before.evaluations[0]!, before.evaluations[0]!, before.evaluations[1]!] };
    expect(dossierDiff(twice, duplicated)).toEqual([{ part: "dossier", message: "dossier content changed" }]);
  });
});
