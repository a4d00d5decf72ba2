import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { modelCardRevisions, modelMaintainers, models, modelVersions } from "@/db/schema";
import { canonicalJson } from "@/lib/domain/canonical-json";
import { toHuggingFaceCard } from "@/lib/domain/interchange/huggingface";
import { completeness } from "@/lib/domain/model-card/completeness";
import { CREDIT_SCORING_CARD } from "@/lib/domain/model-card/example-cards";
import { emptyModelCard, ZModelCardSchema } from "@/lib/domain/model-card/schema";
import type { TModelCard } from "@/lib/domain/model-card/template";
import { Conflict, Forbidden, NotFound, Unprocessable } from "@/lib/services/errors";
import { importHuggingFaceCard } from "@/lib/services/model-cards/import-huggingface";
import { listCardRevisions } from "@/lib/services/model-cards/queries";
import { saveModelCard, type SaveCardInput } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { createUser } from "@/lib/services/users/create-user";
import { contextFor, databaseError, eventsSince, headSeq, lastEvent, rejection, rowCount, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The card as it is stored: every section present, empty fields absent. */
const normalised = (content: unknown) => ZModelCardSchema.parse(content);

forEachDatabase("model cards", (t) => {
  let org: Organisation;
  let other: UserContext;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "other.owner@bank.eu", name: "Olga Other", roles: ["model_owner"], password: TEST_PASSWORD });
    other = await contextFor(t.db, "other.owner@bank.eu");
  });

  let counter = 0;
  /** A fresh model of org.owner's with the given versions (oldest first). */
  async function freshModel(versions: string[] = ["1.0.0"]) {
    const model = await createModel(org.owner, { name: `Card test ${++counter}`, purpose: "Scores loan applicants for default risk." });
    for (const version of versions) await createModelVersion(org.owner, { slug: model.slug, version });
    return model;
  }
  const versionId = async (modelId: string, label: string) =>
    (await t.db.select().from(modelVersions).where(and(eq(modelVersions.modelId, modelId), eq(modelVersions.version, label))))[0]!.id;
  const revisions = async (id: string) => t.db.select().from(modelCardRevisions).where(eq(modelCardRevisions.versionId, id)).orderBy(modelCardRevisions.revision);
  const modelRow = async (id: string) => (await t.db.select().from(models).where(eq(models.id, id)))[0]!;
  const save = (ctx: UserContext, input: Omit<SaveCardInput, "source"> & { source?: SaveCardInput["source"] }) => saveModelCard(ctx, { source: "editor", ...input });

  describe("saveModelCard", () => {
    let model: Awaited<ReturnType<typeof freshModel>>;
    let vid: string;
    const draft = {
      modelDetails: { name: "  Credit default  ", version: "1.0.0", contact: "risk@bank.eu", license: "", documentationUrl: null },
      intendedUse: { primaryUses: "Ranks applications.\r\nSupports analysts.", primaryUsers: ["Credit analysts", "  "] },
    };
    const second = {
      modelDetails: { name: "Credit default", version: "1.0.0", contact: "model-risk@bank.eu" },
      intendedUse: { primaryUses: "Ranks applications.\nSupports analysts." },
      factors: { relevantGroups: ["age under 25"] },
    };

    beforeAll(async () => {
      model = await freshModel();
      vid = await versionId(model.id, "1.0.0");
    });

    it("saves the first revision from an empty card, hashes its canonical JSON and audits the changed fields", async () => {
      const before = await headSeq(t.db);
      const result = await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, content: draft, summary: "  First draft  " });
      expect(result.unchanged).toBe(false);
      const stored = normalised(draft);
      // Normalised: trimmed, \n line breaks, blank items and empty fields gone, every section present.
      expect(stored.modelDetails).toEqual({ name: "Credit default", version: "1.0.0", contact: "risk@bank.eu" });
      expect(stored.intendedUse).toEqual({ primaryUses: "Ranks applications.\nSupports analysts.", primaryUsers: ["Credit analysts"] });
      expect(stored.factors).toEqual({});

      const [row, ...more] = await revisions(vid);
      expect(more).toEqual([]);
      expect(row).toMatchObject({ revision: 1, authorId: org.owner.actor.userId, authorEmail: "owner@attest.demo", summary: "First draft" });
      expect(row!.content).toEqual(stored);
      expect(row!.contentHash).toBe(sha256(canonicalJson(stored)));
      expect(row!.contentHash).toBe(sha256(canonicalJson(row!.content)));
      const changed = ["modelDetails.name", "modelDetails.version", "modelDetails.contact", "intendedUse.primaryUses", "intendedUse.primaryUsers"];
      expect(row!.changedFields).toEqual(changed);
      expect(result.revision).toEqual(row);

      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "model_card.saved", entityType: "model_version", entityId: vid, actorEmail: "owner@attest.demo", requestId: "req-test" });
      // toMatchObject still compares arrays element for element: changedFields is exactly these paths.
      expect(events[0]!.data).toMatchObject({ slug: model.slug, version: "1.0.0", revision: 1, contentHash: row!.contentHash, changedFields: changed, summary: "First draft", source: "editor" });
    });

    it("saves the next revision on top of the one it was based on, with only the fields that changed", async () => {
      const before = await headSeq(t.db);
      const { revision } = await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 1, content: second, source: "api" });
      expect(revision).toMatchObject({ revision: 2, summary: "" });
      // contact changed, primaryUses only re-normalised (unchanged), primaryUsers removed, relevantGroups added.
      expect(revision.changedFields).toEqual(["modelDetails.contact", "intendedUse.primaryUsers", "factors.relevantGroups"]);
      expect(revision.contentHash).toBe(sha256(canonicalJson(normalised(second))));
      expect(await lastEvent(t.db)).toMatchObject({
        seq: before + 1,
        action: "model_card.saved",
        data: { revision: 2, changedFields: ["modelDetails.contact", "intendedUse.primaryUsers", "factors.relevantGroups"], source: "api", summary: "" },
      });
      expect((await listCardRevisions(t.db, vid)).map((r) => r.revision)).toEqual([2, 1]);
    });

    it("refuses a stale save with 409 and the current revision, and writes nothing", async () => {
      const [before, rows] = [await headSeq(t.db), await rowCount(t.db, modelCardRevisions)];
      const mine = { ...second, metrics: { performanceMeasures: ["ROC AUC"] } };
      const error = await rejection(save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 1, content: mine }));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.status).toBe(409);
      expect(error.message).toBe("Someone saved revision 2 of this card after you started editing revision 1.");
      const [current] = (await revisions(vid)).slice(-1);
      expect(error.details).toEqual({ currentRevision: 2, current: current!.content, author: "owner@attest.demo", savedAt: current!.createdAt });
      expect((error.details as { current: unknown }).current).toEqual(normalised(second));
      // Based on nothing while revisions exist, or on a revision from the future: stale too.
      for (const baseRevision of [null, 3]) {
        const stale = await rejection(save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision, content: mine }));
        expect(stale).toBeInstanceOf(Conflict);
        expect((stale.details as { currentRevision: number }).currentRevision).toBe(2);
      }
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelCardRevisions)).toBe(rows);
      expect((await revisions(vid)).map((r) => r.revision)).toEqual([1, 2]);
    });

    it("writes nothing for content identical to the current revision, however it is spelled", async () => {
      const [before, rows] = [await headSeq(t.db), await rowCount(t.db, modelCardRevisions)];
      const sameAgain = { ...second, modelDetails: { ...second.modelDetails, name: " Credit default ", license: "" }, intendedUse: { primaryUses: "Ranks applications.\r\nSupports analysts.", primaryUsers: [] }, ethicalConsiderations: null };
      const result = await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 2, content: sameAgain, summary: "no-op" });
      expect(result.unchanged).toBe(true);
      expect(result.revision.revision).toBe(2);
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelCardRevisions)).toBe(rows);
    });

    it("refuses an invalid card with 422 naming each field, and writes nothing", async () => {
      const [before, rows] = [await headSeq(t.db), await rowCount(t.db, modelCardRevisions)];
      const error = await rejection(
        save(org.owner, {
          slug: model.slug,
          version: "1.0.0",
          baseRevision: 2,
          content: {
            ...second,
            riskNotes: { anything: "x" },
            modelDetails: { ...second.modelDetails, name: "n".repeat(201), documentationUrl: "javascript:alert(1)", contact: "not an email" },
            intendedUse: { primaryUses: 42, colour: "blue" },
            factors: { relevantGroups: ["one\ntwo"] },
          },
        }),
      );
      expect(error).toBeInstanceOf(Unprocessable);
      expect(error.status).toBe(422);
      const fields = (error.details as { fields: Record<string, string> }).fields;
      expect(Object.keys(fields).sort()).toEqual([
        "factors.relevantGroups.0",
        "intendedUse.colour",
        "intendedUse.primaryUses",
        "modelDetails.contact",
        "modelDetails.documentationUrl",
        "modelDetails.name",
        "riskNotes",
      ]);
      expect(fields["modelDetails.name"]).toBe("Model name must be at most 200 characters.");
      expect(fields["modelDetails.documentationUrl"]).toBe("More information must be a web address starting with https:// or http://.");
      expect(fields["riskNotes"]).toMatch(/^Unknown section "riskNotes"\./);
      // Valid JSON that PostgreSQL cannot store (NUL; an unpaired surrogate in jsonb) is a field error too, not a 500.
      const unstorable = await rejection(
        save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 2, content: { ...second, modelDetails: { ...second.modelDetails, name: "Credit\u0000default" }, factors: { relevantGroups: ["ok", "half \ud83d pair"] } } }),
      );
      expect(unstorable.status).toBe(422);
      expect(unstorable.details).toEqual({
        fields: { "modelDetails.name": "This text contains a NUL or invalid character; remove it.", "factors.relevantGroups.1": "This text contains a NUL or invalid character; remove it." },
      });
      // Not an object at all.
      const notACard = await rejection(save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 2, content: ["a"] }));
      expect(notACard.status).toBe(422);
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelCardRevisions)).toBe(rows);
    });

    it("keeps revisions immutable: the database refuses UPDATE and DELETE", async () => {
      const update = databaseError(await rejection(t.db.update(modelCardRevisions).set({ summary: "rewritten" }).where(eq(modelCardRevisions.versionId, vid))));
      expect(update.code).toBe("42501");
      expect(update.message).toMatch(/model_card_revisions rows are immutable: UPDATE is not allowed/);
      const del = databaseError(await rejection(t.db.delete(modelCardRevisions).where(eq(modelCardRevisions.versionId, vid))));
      expect(del.code).toBe("42501");
      expect(del.message).toMatch(/DELETE is not allowed/);
      expect((await revisions(vid)).map((r) => [r.revision, r.summary])).toEqual([[1, "First draft"], [2, ""]]);
    });

    it("lets maintainers save, and refuses other model owners, officers and auditors", async () => {
      const [before, rows] = [await headSeq(t.db), await rowCount(t.db, modelCardRevisions)];
      const content = { ...second, metrics: { performanceMeasures: ["ROC AUC"] } };
      for (const ctx of [other, org.officer, org.auditor, org.admin]) {
        expect(await rejection(save(ctx, { slug: model.slug, version: "1.0.0", baseRevision: 2, content })), ctx.actor.email).toBeInstanceOf(Forbidden);
      }
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelCardRevisions)).toBe(rows);
      await t.db.insert(modelMaintainers).values({ modelId: model.id, userId: other.actor.userId });
      const { revision } = await save(other, { slug: model.slug, version: "1.0.0", baseRevision: 2, content });
      expect(revision).toMatchObject({ revision: 3, authorEmail: "other.owner@bank.eu", changedFields: ["metrics.performanceMeasures"] });
    });

    it("keeps a summary to 500 characters without cutting a character in half or storing a NUL", async () => {
      const summed = await freshModel(["1.0.0"]);
      const { revision } = await save(org.owner, { slug: summed.slug, version: "1.0.0", baseRevision: null, content: draft, summary: `${"x".repeat(499)}\u{1F600}\u0000 and more` });
      expect(revision.summary).toBe(`${"x".repeat(499)}\u{1F600}`);
      expect((await lastEvent(t.db)).data).toMatchObject({ summary: `${"x".repeat(499)}\u{1F600}` });
      const { revision: next } = await save(org.owner, { slug: summed.slug, version: "1.0.0", baseRevision: 1, content: second, summary: "Fixed\u0000 typo" });
      expect(next.summary).toBe("Fixed typo");
    });

    it("names a base revision that does not exist as such, not as someone else's save", async () => {
      const empty = await freshModel(["1.0.0"]);
      const error = await rejection(save(org.owner, { slug: empty.slug, version: "1.0.0", baseRevision: 1, content: second }));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.message).toBe("This card has no revision 1: its latest is none, it is still empty. Reload it and edit again.");
      expect(error.details).toEqual({ currentRevision: null, current: null, author: null, savedAt: null });
      const future = await rejection(save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 7, content: second }));
      expect(future.message).toBe("This card has no revision 7: its latest is revision 3. Reload it and edit again.");
      const fromEmpty = await rejection(save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, content: second }));
      expect(fromEmpty.message).toBe("Someone saved revision 3 of this card after you started editing the empty card.");
    });

    it("reports an unknown model or version as not found", async () => {
      expect(await rejection(save(org.owner, { slug: model.slug, version: "9.9.9", baseRevision: null, content: {} }))).toBeInstanceOf(NotFound);
      expect(await rejection(save(org.owner, { slug: "no-such-model", version: "1.0.0", baseRevision: null, content: {} }))).toBeInstanceOf(NotFound);
    });

    it("refuses to change the card of a retired version", async () => {
      const retired = await freshModel(["1.0.0"]);
      const id = await versionId(retired.id, "1.0.0");
      await save(org.owner, { slug: retired.slug, version: "1.0.0", baseRevision: null, content: draft });
      await t.db.update(modelVersions).set({ stage: "retired" }).where(eq(modelVersions.id, id));
      const [before, rows] = [await headSeq(t.db), await rowCount(t.db, modelCardRevisions)];
      const error = await rejection(save(org.owner, { slug: retired.slug, version: "1.0.0", baseRevision: 1, content: second }));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.message).toBe("A retired version is read-only.");
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelCardRevisions)).toBe(rows);
    });

    it("lets exactly one of several concurrent saves on the same base revision through", async () => {
      const raced = await freshModel(["1.0.0"]);
      const id = await versionId(raced.id, "1.0.0");
      for (const [round, base] of [[0, null], [1, 1]] as const) {
        const before = await headSeq(t.db);
        const attempts = await Promise.allSettled(
          Array.from({ length: 4 }, (_, i) => save(org.owner, { slug: raced.slug, version: "1.0.0", baseRevision: base, content: { modelDetails: { name: `Writer ${i} round ${round}` } } })),
        );
        const won = attempts.filter((a) => a.status === "fulfilled");
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(3);
        for (const { reason } of lost) {
          expect(reason).toBeInstanceOf(Conflict);
          expect(reason.details.currentRevision).toBe(round + 1);
        }
        expect((await revisions(id)).map((r) => r.revision)).toEqual(round === 0 ? [1] : [1, 2]);
        expect((await eventsSince(t.db, before)).map((e) => e.action)).toEqual(["model_card.saved"]);
      }
    });
  });

  describe("completeness on the model", () => {
    const everyTierOnly = {
      modelDetails: { name: "Cash forecast", provider: "Bank Ops Analytics", version: "2.0.0", contact: "ops-analytics@bank.eu" },
      intendedUse: { primaryUses: "Forecasts daily cash demand per branch." },
    };

    it("follows saves of the latest version's card against the model's tier (unclassified = high-risk requirements)", async () => {
      const model = await freshModel(["1.0.0"]);
      expect(await modelRow(model.id)).toMatchObject({ riskTier: null, docPercent: 0, docBand: "empty" });

      await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, content: CREDIT_SCORING_CARD });
      expect(await modelRow(model.id)).toMatchObject({ docPercent: 100, docBand: "complete" });

      // A new version without a card is now the latest: nothing of it is documented yet.
      await createModelVersion(org.owner, { slug: model.slug, version: "2.0.0" });
      expect(await modelRow(model.id)).toMatchObject({ docPercent: 0, docBand: "empty" });
      // Saving the older version's card does not move the model's figure.
      await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: 1, content: { ...CREDIT_SCORING_CARD, additionalInformation: {} } });
      expect(await modelRow(model.id)).toMatchObject({ docPercent: 0, docBand: "empty" });

      // The fields every tier requires are a small part of what high risk (and so unclassified) requires.
      await save(org.owner, { slug: model.slug, version: "2.0.0", baseRevision: null, content: everyTierOnly });
      const high = completeness(normalised(everyTierOnly), null);
      expect(high.overall.filled).toBe(5);
      expect(high.band).toBe("empty");
      expect(await modelRow(model.id)).toMatchObject({ docPercent: high.overall.percent, docBand: "empty" });
      expect(high.overall.percent).toBe(Math.floor((5 * 100) / high.overall.required));

      // Classified minimal: the next save is measured against the minimal-risk requirements.
      await t.db.update(models).set({ riskTier: "minimal" }).where(eq(models.id, model.id));
      await save(org.owner, { slug: model.slug, version: "2.0.0", baseRevision: 1, content: { ...everyTierOnly, modelDetails: { ...everyTierOnly.modelDetails, license: "apache-2.0" } } });
      expect(await modelRow(model.id)).toMatchObject({ riskTier: "minimal", docPercent: 100, docBand: "complete" });

      // Limited: description, modelType, primaryUsers, outOfScopeUses, knownLimitations, transparencyNotice also count.
      await t.db.update(models).set({ riskTier: "limited" }).where(eq(models.id, model.id));
      const limitedCard = { ...everyTierOnly, modelDetails: { ...everyTierOnly.modelDetails, description: "Daily cash per branch.", modelType: "Time-series regression" } };
      await save(org.owner, { slug: model.slug, version: "2.0.0", baseRevision: 2, content: limitedCard });
      const limited = completeness(normalised(limitedCard), "limited");
      expect(limited.overall).toMatchObject({ filled: 7, required: 11, percent: 63 });
      expect(await modelRow(model.id)).toMatchObject({ docPercent: 63, docBand: "partial" });
    });

    it("copies forward with the copied card's completeness", async () => {
      const model = await freshModel(["1.0.0"]);
      await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, content: CREDIT_SCORING_CARD });
      await createModelVersion(org.owner, { slug: model.slug, version: "1.1.0", copyCardFrom: "1.0.0" });
      expect(await modelRow(model.id)).toMatchObject({ docPercent: 100, docBand: "complete" });
    });
  });

  describe("importHuggingFaceCard", () => {
    // The exporter fills name, version and description from the model when the card has none.
    const { name: _name, version: _version, description: _description, ...details } = CREDIT_SCORING_CARD.modelDetails;
    const withoutModelFields: TModelCard = { ...CREDIT_SCORING_CARD, modelDetails: details };
    const exportInput = (card: TModelCard) => ({
      card,
      model: { name: "Credit default", slug: "credit-default", purpose: "Scores loan applicants for default risk.", tags: ["credit", "tabular"] },
      version: { version: "3.2.0" },
      datasets: [{ role: "training", name: "loans", version: "v7", uri: "dvc://data/loans" }],
      latestEvaluation: null,
    });

    it("imports an exported card as a new revision: the same card, plus the three fields the export took from the model", async () => {
      const model = await freshModel(["3.2.0", "3.3.0"]);
      const markdown = toHuggingFaceCard(exportInput(withoutModelFields));
      const before = await headSeq(t.db);
      const result = await importHuggingFaceCard(org.owner, { slug: model.slug, version: "3.3.0", baseRevision: null, markdown });
      expect(result.unmapped).toEqual([]);
      expect(result.revision).toMatchObject({ revision: 1, summary: "Imported from a Hugging Face model card" });
      expect(result.revision.content).toEqual({
        ...withoutModelFields,
        modelDetails: { ...details, name: "Credit default", version: "3.2.0", description: "Scores loan applicants for default risk." },
      });
      expect(await lastEvent(t.db)).toMatchObject({ seq: before + 1, action: "model_card.saved", data: { revision: 1, source: "huggingface", summary: "Imported from a Hugging Face model card" } });

      // A filled card comes back exactly, and exporting the import again gives the same bytes.
      const full = toHuggingFaceCard(exportInput(CREDIT_SCORING_CARD));
      const again = await importHuggingFaceCard(org.owner, { slug: model.slug, version: "3.3.0", baseRevision: 1, markdown: full, summary: "Re-imported" });
      expect(again.revision.content).toEqual(CREDIT_SCORING_CARD);
      expect(again.revision.summary).toBe("Re-imported");
      expect(toHuggingFaceCard(exportInput(again.revision.content as TModelCard))).toBe(full);
    });

    it("keeps headings it has no field for in additionalInformation.notes", async () => {
      const model = await freshModel(["1.0.0"]);
      const markdown = `${toHuggingFaceCard(exportInput(CREDIT_SCORING_CARD))}\n## Sponsorship\n\nFunded by the 2026 innovation budget.\n`;
      const result = await importHuggingFaceCard(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, markdown });
      expect(result.unmapped).toEqual(["Sponsorship"]);
      const content = result.revision.content as TModelCard;
      expect(content.additionalInformation.notes).toBe(`${CREDIT_SCORING_CARD.additionalInformation.notes}\n\n**Sponsorship**\n\nFunded by the 2026 innovation budget.`);
      expect({ ...content, additionalInformation: {} }).toEqual({ ...CREDIT_SCORING_CARD, additionalInformation: {} });
      expect(result.revision.changedFields).toContain("additionalInformation.notes");
    });

    it("refuses malformed YAML front matter with 422 naming the line, and writes nothing", async () => {
      const model = await freshModel(["1.0.0"]);
      const [before, rows] = [await headSeq(t.db), await rowCount(t.db, modelCardRevisions)];
      const cases = [
        { markdown: "---\nlicense: mit\ntags: [credit\n---\n# Model card for X\n", line: 3 },
        { markdown: "---\nlicense: mit\nlicense: apache-2.0\n---\n# X\n", line: 3 },
        { markdown: "---\nlicense: mit\n# X\n", line: 1 },
        { markdown: "---\n- just\n- a list\n---\n# X\n", line: 2 },
      ];
      for (const { markdown, line } of cases) {
        const error = await rejection(importHuggingFaceCard(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, markdown }));
        expect(error, markdown).toBeInstanceOf(Unprocessable);
        expect(error.status).toBe(422);
        expect(error.details).toEqual({ line });
        expect(error.message).toMatch(/^The model card could not be read: /);
        expect(error.message).toContain(`line ${line}`);
      }
      // Authorisation comes first: a reader is refused before the upload is read.
      expect(await rejection(importHuggingFaceCard(org.auditor, { slug: model.slug, version: "1.0.0", baseRevision: null, markdown: cases[0]!.markdown }))).toBeInstanceOf(Forbidden);
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelCardRevisions)).toBe(rows);
    });

    it("is a save like any other: stale imports conflict, other owners are refused", async () => {
      const model = await freshModel(["1.0.0"]);
      const markdown = toHuggingFaceCard(exportInput(CREDIT_SCORING_CARD));
      await save(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, content: emptyModelCard() });
      expect(await rejection(importHuggingFaceCard(org.owner, { slug: model.slug, version: "1.0.0", baseRevision: null, markdown }))).toBeInstanceOf(Conflict);
      expect(await rejection(importHuggingFaceCard(other, { slug: model.slug, version: "1.0.0", baseRevision: 1, markdown }))).toBeInstanceOf(Forbidden);
      expect(await rejection(importHuggingFaceCard(org.auditor, { slug: model.slug, version: "1.0.0", baseRevision: 1, markdown }))).toBeInstanceOf(Forbidden);
      const count = await t.db.select({ n: sql<number>`count(*)::int` }).from(modelCardRevisions).where(eq(modelCardRevisions.versionId, await versionId(model.id, "1.0.0")));
      expect(count[0]!.n).toBe(1);
    });
  });
});
