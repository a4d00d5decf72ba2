import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { issuedDocuments } from "@/db/schema";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { pdfPages, normalise } from "@/lib/pdf/test-support";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { Forbidden, NotFound } from "@/lib/services/errors";
import { gatherTechnicalDocumentation } from "@/lib/services/documents/gather-technical-documentation";
import { issuePortfolioReport } from "@/lib/services/documents/issue-portfolio-report";
import { issueTechnicalDocumentation } from "@/lib/services/documents/issue-technical-documentation";
import { issuedDocumentBySha256, verificationAnswer } from "@/lib/services/documents/queries";
import { recordEvaluationCounts } from "@/lib/services/evaluations/record-counts";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { completeCard } from "../helpers/cards";
import { databaseError, eventsSince, headSeq, rejection, seedOrganisation, type Organisation } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

const PROVIDER = "Banque Témoin SA <script>alert(1)</script>";
const FAIR = { overall: { tp: 62, fp: 19, tn: 99, fn: 20 }, attributes: { sex: { groups: { F: { tp: 30, fp: 10, tn: 50, fn: 10 }, M: { tp: 32, fp: 9, tn: 49, fn: 10 } } } } };
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

forEachDatabase("issued documents", (t) => {
  let org: Organisation;
  let system: ServiceContext;
  const target = { slug: "", version: "1.0.0" };

  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    system = { db: t.db, actor: { kind: "system", name: "test" }, request: NO_REQUEST };
    const model = await createModel(system, { name: "Documented credit scorer", ownerEmail: org.owner.actor.email });
    target.slug = model.slug;
    await createModelVersion(org.owner, target);
    const content = completeCard("high");
    content.modelDetails = { ...content.modelDetails, provider: PROVIDER };
    await saveModelCard(org.owner, { ...target, baseRevision: null, content, source: "api" });
    const proposal = await proposeClassification(org.owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: { role: "provider", annexIIIPoints: ["5(b)"] } });
    await confirmClassification(org.officer, { classificationId: proposal.id });
    await recordEvaluationCounts(org.owner, { ...target, name: "holdout 2025", ...FAIR });
  });

  it("gathers the documentation from the records: card values, revisions, classification, evaluations, obligations, dossier, audit head", async () => {
    const data = await gatherTechnicalDocumentation(t.db, target.slug, target.version, org.auditor.actor, { documentId: "ATT-2026-TEST0001", generatedAt: new Date() });
    expect(data.documentId).toBe("ATT-2026-TEST0001");
    expect(data.generatedBy).toBe(org.auditor.actor.email);
    expect(data.system).toMatchObject({ name: "Documented credit scorer", slug: target.slug, version: "1.0.0", provider: PROVIDER, lifecycleStage: "draft" });
    expect(data.card?.revision).toBe(1);
    expect(data.card?.content.modelDetails.provider).toBe(PROVIDER);
    expect(data.card?.content.intendedUse.primaryUses).toEqual(completeCard("high").intendedUse?.primaryUses);
    expect(data.cardRevisions).toHaveLength(1);
    expect(data.cardRevisions[0]!.contentSha256).toBe(data.card?.contentSha256);
    expect(data.classification).toMatchObject({ tier: "high", status: "confirmed", proposedBy: org.owner.actor.email, decidedBy: org.officer.actor.email });
    expect(data.evaluations.map((e) => [e.name, e.status])).toEqual([["holdout 2025", "pass"]]);
    expect(data.obligations.length).toBeGreaterThan(0);
    expect(data.versions.map((v) => v.version)).toEqual(["1.0.0"]);
    expect(data.dossierSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(data.auditHead?.seq).toBe(await headSeq(t.db));
    // No source yet: left empty for the template to print "Not provided".
    expect(data.standards).toEqual([]);
    expect(data.declaration.signatory).toBeNull();
    expect(data.signingKey).toBeNull();
  });

  it("issues the technical documentation: the record and its audit event in one transaction, with the event's seq", async () => {
    const before = await headSeq(t.db);
    const { bytes, document } = await issueTechnicalDocumentation(org.auditor, target);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(document).toMatchObject({ kind: "technical_documentation", modelSlug: target.slug, versionLabel: "1.0.0", sha256: sha256(bytes), sizeBytes: bytes.length, issuedByEmail: org.auditor.actor.email });
    expect(document.id).toMatch(/^ATT-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/);
    const events = await eventsSince(t.db, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: document.auditSeq,
      action: "document.issued",
      entityType: "issued_document",
      entityId: document.id,
      actorEmail: org.auditor.actor.email,
      data: { documentId: document.id, kind: "technical_documentation", slug: target.slug, version: "1.0.0", sha256: document.sha256, sizeBytes: bytes.length },
    });
    // The PDF prints the document id and the card's values, user markup literally.
    const text = normalise((await pdfPages(bytes)).join("\n"));
    expect(text).toContain(document.id);
    expect(text).toContain(PROVIDER);
  }, 120_000);

  it("verifies a document by the SHA-256 of its exact bytes, and not a copy with one byte changed", async () => {
    const { bytes, document } = await issueTechnicalDocumentation(org.auditor, target);
    const found = await issuedDocumentBySha256(t.db, sha256(bytes).toUpperCase());
    expect(verificationAnswer(found)).toEqual({
      issued: true,
      documentId: document.id,
      kind: "technical_documentation",
      model: target.slug,
      version: "1.0.0",
      issuedAt: document.issuedAt.toISOString(),
      issuedBy: org.auditor.actor.email,
    });
    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 2)] ^= 1;
    expect(verificationAnswer(await issuedDocumentBySha256(t.db, sha256(altered)))).toEqual({ issued: false });
  }, 120_000);

  it("issues the portfolio report, recorded the same way", async () => {
    const before = await headSeq(t.db);
    const { bytes, document } = await issuePortfolioReport(org.officer);
    expect(document).toMatchObject({ kind: "portfolio", modelVersionId: null, modelSlug: null, sha256: sha256(bytes), auditSeq: before + 1 });
    const [event] = await eventsSince(t.db, before);
    expect(event).toMatchObject({ seq: document.auditSeq, action: "document.issued", data: { kind: "portfolio", sha256: document.sha256 } });
    const text = normalise((await pdfPages(bytes)).join("\n"));
    expect(text).toContain("Documented credit scorer");
    expect(text).toContain(document.id);
  }, 120_000);

  it("keeps the register append-only, and refuses what it cannot issue", async () => {
    const [row] = await t.db.select().from(issuedDocuments).limit(1);
    expect(databaseError(await rejection(t.db.update(issuedDocuments).set({ sha256: "0".repeat(64) }).where(eq(issuedDocuments.id, row!.id)))).message).toMatch(/immutable/);
    expect(databaseError(await rejection(t.db.execute(sql`DELETE FROM issued_documents`))).message).toMatch(/immutable/);
    expect(await rejection(issueTechnicalDocumentation(org.auditor, { slug: target.slug, version: "9.9.9" }))).toBeInstanceOf(NotFound);
    const anonymous: ServiceContext = { db: t.db, actor: { kind: "anonymous" }, request: NO_REQUEST };
    const before = await headSeq(t.db);
    expect(await rejection(issueTechnicalDocumentation(anonymous, target))).toBeInstanceOf(Forbidden);
    expect(await rejection(issuePortfolioReport({ ...org.auditor, actor: { ...org.auditor.actor, token: { id: "00000000-0000-4000-8000-000000000000", scopes: ["models:read"] } } }))).toBeInstanceOf(Forbidden);
    expect(await headSeq(t.db)).toBe(before);
  });
});
