import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { obligationEvidence, obligations } from "@/db/schema";
import { MAX_EVIDENCE_BYTES } from "@/lib/domain/evidence-file";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { Forbidden, InvalidInput, NotFound, ServiceError } from "@/lib/services/errors";
import { createModel } from "@/lib/services/models/create-model";
import { addObligationEvidence } from "@/lib/services/risk/add-evidence";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { downloadEvidence } from "@/lib/services/risk/download-evidence";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { obligationsOfModel } from "@/lib/services/risk/queries";
import { updateObligation } from "@/lib/services/risk/update-obligation";
import { createUser } from "@/lib/services/users/create-user";
import { contextFor, databaseError, eventsSince, headSeq, lastEvent, rejection, rowCount, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const fields = (error: Error & Record<string, unknown>) => (error.details as { fields: Record<string, string> }).fields;

/** A small but well-formed PDF. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

forEachDatabase("obligations and evidence", (t) => {
  let org: Organisation;
  let other: UserContext;
  let slug: string;
  /** The obligations of org.owner's high-risk credit model, by article. */
  let duty: Record<string, string>;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "other.owner@bank.eu", name: "Olga Other", roles: ["model_owner"], password: TEST_PASSWORD });
    other = await contextFor(t.db, "other.owner@bank.eu");
    const model = await createModel(org.owner, { name: "Obligations test", purpose: "Scores loan applicants." });
    slug = model.slug;
    const proposal = await proposeClassification(org.owner, { slug, rulesetVersion: RULESET_VERSION, answers: { role: "provider", annexIIIPoints: ["5(b)"] } });
    await confirmClassification(org.officer, { classificationId: proposal.id });
    duty = Object.fromEntries((await obligationsOfModel(t.db, model.id)).map((o) => [o.article, o.id]));
  });
  const obligationRow = async (id: string) => (await t.db.select().from(obligations).where(eq(obligations.id, id)))[0]!;

  /** The call fails and leaves no audit event, and no change to obligations or evidence. */
  async function refused(action: () => Promise<unknown>) {
    const [seq, evidence] = [await headSeq(t.db), await rowCount(t.db, obligationEvidence)];
    const snapshot = await t.db.select().from(obligations).orderBy(obligations.id);
    const error = await rejection(action());
    expect(await headSeq(t.db)).toBe(seq);
    expect(await rowCount(t.db, obligationEvidence)).toBe(evidence);
    expect(await t.db.select().from(obligations).orderBy(obligations.id)).toEqual(snapshot);
    return error;
  }

  describe("updateObligation", () => {
    it("needs a note to mark an obligation met or not applicable", async () => {
      for (const status of ["met", "not_applicable"] as const) {
        const error = await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 10"]!, status }));
        expect(error).toBeInstanceOf(InvalidInput);
        expect(Object.keys(fields(error))).toEqual(["note"]);
        // A blank note is no note.
        expect(fields(await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 10"]!, status, note: "   " })))).toHaveProperty("note");
      }
    });

    it("records the status with its note and audits obligation.updated with the changes", async () => {
      const before = await headSeq(t.db);
      const updated = await updateObligation(org.owner, { obligationId: duty["Art. 10"]!, status: "met", note: "  Data sheet DS-7 documents training data provenance.  " });
      expect(updated).toMatchObject({ status: "met", note: "Data sheet DS-7 documents training data provenance." });
      expect(await obligationRow(duty["Art. 10"]!)).toMatchObject({ status: "met", note: "Data sheet DS-7 documents training data provenance." });
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "obligation.updated", entityType: "obligation", entityId: duty["Art. 10"], actorEmail: "owner@attest.demo" });
      expect(events[0]!.data).toEqual({
        slug,
        article: "Art. 10",
        changes: { status: { before: "not_started", after: "met" }, note: { before: "", after: "Data sheet DS-7 documents training data provenance." } },
      });
      // The note stays with the status: clearing it while met is refused.
      expect(await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 10"]!, note: "" }))).toBeInstanceOf(InvalidInput);
      // not_applicable, with a note, by the compliance officer.
      await updateObligation(org.officer, { obligationId: duty["Art. 12"]!, status: "not_applicable", note: "Logging is done by the host platform, see contract C-44." });
      expect((await lastEvent(t.db)).data).toMatchObject({ article: "Art. 12", changes: { status: { before: "not_started", after: "not_applicable" } } });
    });

    it("assigns an owner by email and sets a due date", async () => {
      const updated = await updateObligation(org.owner, { obligationId: duty["Art. 11"]!, ownerEmail: "  Officer@Attest.Demo ", dueDate: "2026-12-31" });
      expect(updated).toMatchObject({ ownerId: org.officer.actor.userId, dueDate: "2026-12-31", status: "not_started" });
      expect((await lastEvent(t.db)).data).toEqual({
        slug,
        article: "Art. 11",
        changes: { ownerId: { before: null, after: org.officer.actor.userId }, dueDate: { before: null, after: "2026-12-31" } },
      });
      const listed = (await obligationsOfModel(t.db, (await obligationRow(duty["Art. 11"]!)).modelId)).find((o) => o.id === duty["Art. 11"]);
      expect(listed).toMatchObject({ ownerEmail: "officer@attest.demo", ownerName: expect.any(String) });
      // null clears both.
      expect(await updateObligation(org.owner, { obligationId: duty["Art. 11"]!, ownerEmail: null, dueDate: null })).toMatchObject({ ownerId: null, dueDate: null });
    });

    it("refuses an unknown owner, a badly written due date and an empty change", async () => {
      const unknown = await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 11"]!, ownerEmail: "nobody@bank.eu" }));
      expect(unknown).toBeInstanceOf(InvalidInput);
      expect(fields(unknown)).toEqual({ ownerEmail: "No active user has this email." });
      for (const dueDate of ["31/12/2026", "2026-13-01", "2026-02-30", "tomorrow"]) {
        const error = await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 11"]!, dueDate }));
        expect(fields(error), dueDate).toEqual({ dueDate: "A due date is written YYYY-MM-DD." });
      }
      expect(await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 11"]!, status: "done" as "met" }))).toBeInstanceOf(InvalidInput);
      expect(await refused(() => updateObligation(org.owner, { obligationId: duty["Art. 11"]! }))).toBeInstanceOf(InvalidInput);
      expect(await refused(() => updateObligation(org.owner, { obligationId: "00000000-0000-4000-8000-000000000000", status: "in_progress" }))).toBeInstanceOf(NotFound);
    });

    it("refuses owners of other models, auditors and admins; compliance officers may", async () => {
      for (const ctx of [other, org.auditor, org.admin]) {
        expect(await refused(() => updateObligation(ctx, { obligationId: duty["Art. 13"]!, status: "in_progress" }))).toBeInstanceOf(Forbidden);
      }
      expect(await updateObligation(org.officer, { obligationId: duty["Art. 13"]!, status: "in_progress" })).toMatchObject({ status: "in_progress" });
      expect(await lastEvent(t.db)).toMatchObject({ action: "obligation.updated", actorEmail: "officer@attest.demo" });
    });
  });

  describe("evidence", () => {
    const add = (input: Omit<Parameters<typeof addObligationEvidence>[1], "obligationId">, ctx: UserContext = org.owner, article = "Art. 9") =>
      addObligationEvidence(ctx, { obligationId: duty[article]!, ...input });

    it("adds a note and a link, and refuses a javascript: link", async () => {
      const before = await headSeq(t.db);
      const note = await add({ note: "Risk workshop held on 2026-02-12." });
      expect(note).toMatchObject({ kind: "note", sha256: null, fileName: null, sizeBytes: null });
      const link = await add({ note: "The risk register.", url: "https://wiki.bank.example/risk/RM-12" });
      expect(link.kind).toBe("link");
      const events = await eventsSince(t.db, before);
      expect(events.map((e) => [e.action, e.entityId])).toEqual([["obligation.evidence_added", duty["Art. 9"]], ["obligation.evidence_added", duty["Art. 9"]]]);
      expect(events[1]!.data).toEqual({ slug, article: "Art. 9", evidenceId: link.id, kind: "link", fileName: null, sha256: null, url: "https://wiki.bank.example/risk/RM-12" });

      for (const url of ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "ftp://files.bank.example/x", "not a url"]) {
        const error = await refused(() => add({ note: "Click me", url }));
        expect(error, url).toBeInstanceOf(InvalidInput);
        expect(Object.keys(fields(error))).toEqual(["url"]);
      }
      expect(await refused(() => add({ note: "   " }))).toBeInstanceOf(InvalidInput);
      expect(await refused(() => add({ note: "Someone else's model" }, other))).toBeInstanceOf(Forbidden);
      expect(await refused(() => add({ note: "Auditors read" }, org.auditor))).toBeInstanceOf(Forbidden);
      expect(await add({ note: "Reviewed by compliance." }, org.officer)).toMatchObject({ kind: "note" });
    });

    it("stores a PDF in the database with its SHA-256 and size, and hands it back audited", async () => {
      const before = await headSeq(t.db);
      const evidence = await add({ note: "Signed risk assessment.", file: { name: "risk-assessment.pdf", contentType: "application/pdf; charset=binary", bytes: new Uint8Array(PDF) } });
      expect(evidence).toMatchObject({ kind: "file", fileName: "risk-assessment.pdf", sizeBytes: PDF.length, sha256: sha256(PDF) });
      const [row] = await t.db.select().from(obligationEvidence).where(eq(obligationEvidence.id, evidence.id));
      expect(row).toMatchObject({ kind: "file", contentType: "application/pdf", sizeBytes: PDF.length, sha256: sha256(PDF), addedBy: org.owner.actor.userId, addedByEmail: "owner@attest.demo" });
      expect(Buffer.compare(row!.content!, PDF)).toBe(0);
      expect((await lastEvent(t.db)).data).toEqual({ slug, article: "Art. 9", evidenceId: evidence.id, kind: "file", fileName: "risk-assessment.pdf", sha256: sha256(PDF), url: null });

      // Auditors read: the download returns the same bytes and is itself audited.
      const seq = await headSeq(t.db);
      const file = await downloadEvidence(org.auditor, { evidenceId: evidence.id });
      expect(Buffer.compare(file.content!, PDF)).toBe(0);
      expect(sha256(file.content!)).toBe(evidence.sha256);
      expect(file).toMatchObject({ fileName: "risk-assessment.pdf", contentType: "application/pdf" });
      const events = await eventsSince(t.db, seq);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "evidence.downloaded", entityType: "obligation", entityId: duty["Art. 9"], actorEmail: "auditor@attest.demo" });
      expect(events[0]!.data).toEqual({ slug, article: "Art. 9", evidenceId: evidence.id, fileName: "risk-assessment.pdf", sha256: sha256(PDF) });
      expect(seq).toBeGreaterThan(before);

      // The listing leaves the bytes out.
      const listed = (await obligationsOfModel(t.db, (await obligationRow(duty["Art. 9"]!)).modelId)).find((o) => o.article === "Art. 9")!;
      expect(listed.evidence.find((e) => e.id === evidence.id)).not.toHaveProperty("content");
    });

    it("refuses a file that is not what it claims to be, or of a type it may not be", async () => {
      const text = await refused(() => add({ file: { name: "report.pdf", contentType: "application/pdf", bytes: new TextEncoder().encode("This is not really a PDF.") } }));
      expect(text).toBeInstanceOf(InvalidInput);
      expect(fields(text).file).toBe("The file does not look like a PDF: its content does not match its type.");
      const mz = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
      for (const contentType of ["application/x-msdownload", "application/x-dosexec", "application/octet-stream", ""]) {
        const exe = await refused(() => add({ file: { name: "setup.exe", contentType, bytes: mz } }));
        expect(exe, contentType).toBeInstanceOf(InvalidInput);
        expect(fields(exe).file).toMatch(/^Files of type “.*” cannot be attached\./);
      }
      // An executable renamed to a PDF is caught by its first bytes.
      expect(fields(await refused(() => add({ file: { name: "setup.pdf", contentType: "application/pdf", bytes: mz } }))).file).toMatch(/does not look like a PDF/);
      expect(fields(await refused(() => add({ file: { name: "empty.pdf", contentType: "application/pdf", bytes: new Uint8Array() } }))).file).toBe("The file is empty.");
      expect(fields(await refused(() => add({ file: { name: "bad\u0000name.pdf", contentType: "application/pdf", bytes: new Uint8Array(PDF) } })))).toHaveProperty(["file.name"]);
    });

    it("refuses a file over 10 MB with 413 and accepts exactly 10 MB", async () => {
      const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
      big.set(PDF.subarray(0, 5));
      const error = await refused(() => add({ file: { name: "huge.pdf", contentType: "application/pdf", bytes: big } }));
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ status: 413, code: "payload_too_large", message: "The file is larger than 10 MB." });
      // Exactly 10 MB is allowed.
      const limit = big.subarray(0, MAX_EVIDENCE_BYTES);
      const stored = await add({ file: { name: "limit.pdf", contentType: "application/pdf", bytes: limit } });
      expect(stored).toMatchObject({ sizeBytes: MAX_EVIDENCE_BYTES, sha256: sha256(limit) });
    });

    it("cannot be edited or removed, even by SQL", async () => {
      const evidence = await add({ note: "Immutable, like the audit log." });
      for (const statement of [
        sql`UPDATE obligation_evidence SET note = 'rewritten' WHERE id = ${evidence.id}`,
        sql`DELETE FROM obligation_evidence WHERE id = ${evidence.id}`,
      ]) {
        const error = databaseError(await rejection(t.db.execute(statement)));
        expect(error.code).toBe("42501");
        expect(error.message).toMatch(/obligation_evidence rows are immutable: (UPDATE|DELETE) is not allowed/);
      }
      const [row] = await t.db.select().from(obligationEvidence).where(eq(obligationEvidence.id, evidence.id));
      expect(row!.note).toBe("Immutable, like the audit log.");
    });

    it("a note or link has no file to download", async () => {
      const note = await add({ note: "Just a note." });
      const link = await add({ url: "https://wiki.bank.example/x" });
      for (const id of [note.id, link.id, "00000000-0000-4000-8000-000000000000"]) {
        expect(await refused(() => downloadEvidence(org.auditor, { evidenceId: id }))).toBeInstanceOf(NotFound);
      }
    });
  });
});
