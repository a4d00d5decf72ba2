import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { datasetRefs, modelCardRevisions, modelMaintainers, models, modelVersions, users } from "@/db/schema";
import { CREDIT_SCORING_CARD } from "@/lib/domain/model-card/example-cards";
import { ZModelCardSchema } from "@/lib/domain/model-card/schema";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { Conflict, Forbidden, InvalidInput, NotFound } from "@/lib/services/errors";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { versionDetail } from "@/lib/services/models/queries";
import { createUser } from "@/lib/services/users/create-user";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { contextFor, eventsSince, headSeq, lastEvent, rejection, rowCount, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"; // sha256("test")

forEachDatabase("models and versions", (t) => {
  let org: Organisation;
  let other: UserContext; // another model owner: neither owner nor maintainer of org.owner's models
  let system: ServiceContext;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "other.owner@bank.eu", name: "Olga Other", roles: ["model_owner"], password: TEST_PASSWORD });
    other = await contextFor(t.db, "other.owner@bank.eu");
    system = { db: t.db, actor: { kind: "system", name: "test" }, request: NO_REQUEST };
  });

  const modelRow = async (slug: string) => (await t.db.select().from(models).where(eq(models.slug, slug)))[0];
  const versionsOf = async (modelId: string) => t.db.select().from(modelVersions).where(eq(modelVersions.modelId, modelId));
  const revisionsOf = async (versionId: string) => t.db.select().from(modelCardRevisions).where(eq(modelCardRevisions.versionId, versionId)).orderBy(modelCardRevisions.revision);

  describe("createModel", () => {
    it("makes the creator the owner, generates the slug from the name and audits model.created", async () => {
      const before = await headSeq(t.db);
      const model = await createModel(org.owner, {
        name: "  Crédit Risk — Scorer (v2)!  ",
        purpose: " Scores small-business credit lines. ",
        businessUnit: "SME Lending",
        tags: ["credit", "tabular", "credit"],
      });
      expect(model).toMatchObject({
        slug: "credit-risk-scorer-v2",
        name: "Crédit Risk — Scorer (v2)!",
        purpose: "Scores small-business credit lines.",
        businessUnit: "SME Lending",
        tags: ["credit", "tabular"],
        ownerId: org.owner.actor.userId,
        riskTier: null,
        docPercent: 0,
        docBand: "empty",
      });
      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: "model.created",
        entityType: "model",
        entityId: model.id,
        actorId: org.owner.actor.userId,
        actorEmail: "owner@attest.demo",
        actorRoles: ["model_owner"],
        requestId: "req-test",
      });
      expect(events[0]!.data).toEqual({ slug: "credit-risk-scorer-v2", name: "Crédit Risk — Scorer (v2)!", ownerEmail: "owner@attest.demo", businessUnit: "SME Lending", tags: ["credit", "tabular"] });
    });

    it("takes an explicit slug and another active model owner as the accountable owner", async () => {
      const model = await createModel(org.owner, { name: "Churn model", slug: "churn-2026", ownerEmail: "  Other.Owner@Bank.EU " });
      expect(model).toMatchObject({ slug: "churn-2026", ownerId: other.actor.userId, purpose: "", businessUnit: "", tags: [] });
      expect((await lastEvent(t.db)).data).toMatchObject({ slug: "churn-2026", ownerEmail: "other.owner@bank.eu" });
    });

    it("refuses an owner who is not an active model owner, and writes nothing", async () => {
      await createUser(org.admin, { email: "gone.owner@bank.eu", name: "Gone Owner", roles: ["model_owner"], password: TEST_PASSWORD });
      const [gone] = await t.db.select().from(users).where(eq(users.email, "gone.owner@bank.eu"));
      await setUserActive(org.admin, { userId: gone!.id, active: false });
      const [before, modelsBefore] = [await headSeq(t.db), await rowCount(t.db, models)];
      for (const ownerEmail of ["officer@attest.demo", "auditor@attest.demo", "gone.owner@bank.eu", "nobody@bank.eu"]) {
        const error = await rejection(createModel(org.owner, { name: `Owned by ${ownerEmail}`, ownerEmail }));
        expect(error, ownerEmail).toBeInstanceOf(InvalidInput);
        expect(error.details).toEqual({ fields: { ownerEmail: "The owner must be an active model owner." } });
      }
      const malformed = await rejection(createModel(org.owner, { name: "Malformed owner", ownerEmail: "not an email" }));
      expect(malformed.details).toEqual({ fields: { ownerEmail: "Enter a valid email address." } });
      // The system actor has no email of its own to default to.
      const ownerless = await rejection(createModel(system, { name: "Ownerless" }));
      expect(ownerless.details).toEqual({ fields: { ownerEmail: "A model needs an accountable owner." } });
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, models)).toBe(modelsBefore);
    });

    it("refuses a duplicate slug (given or generated) with Conflict, and writes nothing", async () => {
      await createModel(org.owner, { name: "Fraud screen" });
      const [before, modelsBefore] = [await headSeq(t.db), await rowCount(t.db, models)];
      const generated = await rejection(createModel(other, { name: "FRAUD  screen!" }));
      expect(generated).toBeInstanceOf(Conflict);
      expect(generated.message).toBe("A model with the slug “fraud-screen” already exists.");
      expect(await rejection(createModel(other, { name: "Another", slug: "fraud-screen" }))).toBeInstanceOf(Conflict);
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, models)).toBe(modelsBefore);
      expect((await modelRow("fraud-screen"))!.ownerId).toBe(org.owner.actor.userId);
    });

    it("gives concurrent creations of one slug a single winner; the others get Conflict, not a database error", async () => {
      const before = await headSeq(t.db);
      const attempts = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => createModel(i % 2 ? other : org.owner, { name: "Raced model" })));
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
      for (const a of attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected")) {
        expect(a.reason).toBeInstanceOf(Conflict);
        expect(a.reason.message).toBe("A model with the slug “raced-model” already exists.");
      }
      expect((await eventsSince(t.db, before)).map((e) => e.action)).toEqual(["model.created"]);
    });

    it("refuses names and slugs that give no valid slug, with a message per field", async () => {
      const before = await headSeq(t.db);
      const noSlug = await rejection(createModel(org.owner, { name: "!!!" }));
      expect(noSlug).toBeInstanceOf(InvalidInput);
      expect(noSlug.details).toEqual({ fields: { slug: "Choose a slug: the name gives none." } });
      // Valid JSON, but PostgreSQL cannot store a NUL: a field error, not a database error.
      const nul = await rejection(createModel(org.owner, { name: "Null\u0000byte", purpose: "fine", tags: ["ok", "b\u0000d"] }));
      expect(nul).toBeInstanceOf(InvalidInput);
      expect(nul.details).toEqual({ fields: { name: "This text contains a NUL or invalid character; remove it.", "tags.1": "This text contains a NUL or invalid character; remove it." } });
      const bad = await rejection(createModel(org.owner, { name: "", slug: "Bad Slug", tags: ["x".repeat(41)] }));
      expect(Object.keys((bad.details as { fields: object }).fields).sort()).toEqual(["name", "slug", "tags.0"]);
      expect(await headSeq(t.db)).toBe(before);
    });

    it("is refused to compliance officers, auditors and admins", async () => {
      const before = await headSeq(t.db);
      for (const ctx of [org.officer, org.auditor, org.admin]) {
        expect(await rejection(createModel(ctx, { name: `By ${ctx.actor.email}`, ownerEmail: "owner@attest.demo" }))).toBeInstanceOf(Forbidden);
      }
      expect(await headSeq(t.db)).toBe(before);
    });
  });

  describe("createModelVersion", () => {
    let slug: string;
    beforeAll(async () => {
      slug = (await createModel(org.owner, { name: "Versioned scorer", businessUnit: "Retail" })).slug;
    });

    it("creates a draft version with its lineage in order, normalised hashes, and audits model_version.created", async () => {
      const before = await headSeq(t.db);
      const version = await createModelVersion(org.owner, {
        slug,
        version: " 1.0.0 ",
        artifactUri: "s3://models/versioned/1.0.0/model.ubj",
        framework: "xgboost 2.1",
        experimentRef: "mlflow:run/0a1b2c",
        datasets: [
          { role: "training", name: "loans", version: "v7", uri: "dvc://data/loans", contentHash: `SHA256:${SHA.toUpperCase()}` },
          { role: "validation", name: "loans-val", contentHash: ` ${SHA} ` },
          { role: "test", name: "loans-2024", version: "", uri: "lakehouse.risk.loans_2024", contentHash: "" },
          { role: "monitoring", name: "live-scores", contentHash: null },
        ],
      });
      expect(version).toMatchObject({ version: "1.0.0", stage: "draft", framework: "xgboost 2.1", experimentRef: "mlflow:run/0a1b2c", createdBy: org.owner.actor.userId });

      const detail = await versionDetail(t.db, slug, "1.0.0");
      expect(detail!.card).toBeNull();
      expect(detail!.datasets.map(({ position, role, name, datasetVersion, uri, contentHash }) => ({ position, role, name, datasetVersion, uri, contentHash }))).toEqual([
        { position: 0, role: "training", name: "loans", datasetVersion: "v7", uri: "dvc://data/loans", contentHash: SHA },
        { position: 1, role: "validation", name: "loans-val", datasetVersion: null, uri: null, contentHash: SHA },
        { position: 2, role: "test", name: "loans-2024", datasetVersion: null, uri: "lakehouse.risk.loans_2024", contentHash: null },
        { position: 3, role: "monitoring", name: "live-scores", datasetVersion: null, uri: null, contentHash: null },
      ]);

      const events = await eventsSince(t.db, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "model_version.created", entityType: "model_version", entityId: version.id, actorEmail: "owner@attest.demo" });
      expect(events[0]!.data).toEqual({
        slug,
        version: "1.0.0",
        artifactUri: "s3://models/versioned/1.0.0/model.ubj",
        framework: "xgboost 2.1",
        experimentRef: "mlflow:run/0a1b2c",
        datasets: ["training: loans@v7", "validation: loans-val", "test: loans-2024", "monitoring: live-scores"],
        copiedCardFrom: null,
      });
    });

    it("refuses a duplicate label with Conflict, and writes nothing", async () => {
      const model = (await modelRow(slug))!;
      const [before, versionsBefore] = [await headSeq(t.db), (await versionsOf(model.id)).length];
      const error = await rejection(createModelVersion(org.owner, { slug, version: "1.0.0", datasets: [{ role: "training", name: "x" }] }));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.message).toBe("Version 1.0.0 of Versioned scorer already exists.");
      expect(await headSeq(t.db)).toBe(before);
      expect((await versionsOf(model.id)).length).toBe(versionsBefore);
    });

    it("gives concurrent creations of one label a single winner; the others get Conflict, not a database error", async () => {
      const before = await headSeq(t.db);
      const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => createModelVersion(org.owner, { slug, version: "0.9.0", datasets: [{ role: "training", name: "loans" }] })));
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
      for (const a of attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected")) {
        expect(a.reason).toBeInstanceOf(Conflict);
        expect(a.reason.message).toBe("Version 0.9.0 of Versioned scorer already exists.");
      }
      expect((await eventsSince(t.db, before)).map((e) => e.action)).toEqual(["model_version.created"]);
      const model = (await modelRow(slug))!;
      expect((await versionsOf(model.id)).filter((v) => v.version === "0.9.0")).toHaveLength(1);
    });

    it("refuses invalid datasets with the field path of each problem, and writes nothing", async () => {
      const [before, refsBefore, versionsBefore] = [await headSeq(t.db), await rowCount(t.db, datasetRefs), await rowCount(t.db, modelVersions)];
      const error = await rejection(
        createModelVersion(org.owner, {
          slug,
          version: "1.0.1",
          datasets: [
            { role: "training", name: "ok", contentHash: SHA },
            { role: "holdout" as "test", name: "bad role" },
            { role: "test", name: "bad hash", contentHash: "md5:d41d8cd98f00b204e9800998ecf8427e" },
            { role: "test", name: "short hash", contentHash: SHA.slice(1) },
            { role: "test", name: "  " },
          ],
        }),
      );
      expect(error).toBeInstanceOf(InvalidInput);
      expect(error.details).toEqual({
        fields: {
          "datasets.1.role": "A dataset's role is one of training, validation, test, monitoring.",
          "datasets.2.contentHash": "A content hash is a SHA-256 in hex, optionally prefixed sha256:.",
          "datasets.3.contentHash": "A content hash is a SHA-256 in hex, optionally prefixed sha256:.",
          "datasets.4.name": "Name the dataset.",
        },
      });
      const badLabel = await rejection(createModelVersion(org.owner, { slug, version: "1.0 beta" }));
      expect(badLabel.details).toEqual({ fields: { version: "Use letters, digits, dots, plus, minus and underscores." } });
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, datasetRefs)).toBe(refsBefore);
      expect(await rowCount(t.db, modelVersions)).toBe(versionsBefore);
    });

    it("reports an unknown model as not found", async () => {
      expect(await rejection(createModelVersion(org.owner, { slug: "no-such-model", version: "1.0.0" }))).toBeInstanceOf(NotFound);
    });

    it("copies the source version's latest card forward as revision 1", async () => {
      const first = ZModelCardSchema.parse({ modelDetails: { name: "Versioned scorer", version: "1.0.0" } });
      await saveModelCard(org.owner, { slug, version: "1.0.0", baseRevision: null, content: first, source: "editor" });
      await saveModelCard(org.owner, { slug, version: "1.0.0", baseRevision: 1, content: CREDIT_SCORING_CARD, source: "api" });
      const before = await headSeq(t.db);
      const version = await createModelVersion(org.owner, { slug, version: "1.1.0", copyCardFrom: "1.0.0" });

      const [copy, ...more] = await revisionsOf(version.id);
      expect(more).toEqual([]);
      expect(copy).toMatchObject({ revision: 1, summary: "Copied from version 1.0.0 (revision 2)", authorId: org.owner.actor.userId, authorEmail: "owner@attest.demo" });
      expect(copy!.content).toEqual(CREDIT_SCORING_CARD);
      const [source] = await t.db.select().from(modelCardRevisions).where(and(eq(modelCardRevisions.revision, 2), eq(modelCardRevisions.versionId, (await versionDetail(t.db, slug, "1.0.0"))!.version.id)));
      expect(copy!.contentHash).toBe(source!.contentHash);
      // Against the empty card it started from, every filled field is new.
      expect(copy!.changedFields).toContain("intendedUse.primaryUses");
      expect(copy!.changedFields).toContain("additionalInformation.notes");

      // One event for the whole change: the version, naming the copied revision.
      const events = await eventsSince(t.db, before);
      expect(events.map((e) => e.action)).toEqual(["model_version.created"]);
      expect(events[0]!.data).toMatchObject({ version: "1.1.0", copiedCardFrom: { version: "1.0.0", revision: 2 } });
      // The new version is the latest, so the model's completeness is its copied card's.
      expect(await modelRow(slug)).toMatchObject({ docPercent: 100, docBand: "complete" });
    });

    it("refuses to copy from a version the model does not have, and writes nothing", async () => {
      const [before, versionsBefore] = [await headSeq(t.db), await rowCount(t.db, modelVersions)];
      const error = await rejection(createModelVersion(org.owner, { slug, version: "1.2.0", copyCardFrom: "0.8.0" }));
      expect(error).toBeInstanceOf(InvalidInput);
      expect(error.details).toEqual({ fields: { copyCardFrom: "Versioned scorer has no version 0.8.0." } });
      // A label of another model is not this model's version either.
      const elsewhere = await createModel(org.owner, { name: "Elsewhere" });
      await createModelVersion(org.owner, { slug: elsewhere.slug, version: "7.0.0" });
      expect(await rejection(createModelVersion(org.owner, { slug, version: "1.2.0", copyCardFrom: "7.0.0" }))).toBeInstanceOf(InvalidInput);
      expect(await rowCount(t.db, modelVersions)).toBe(versionsBefore + 1);
      expect(await headSeq(t.db)).toBe(before + 2);
    });

    it("refuses another model owner who neither owns nor maintains the model, and writes nothing", async () => {
      const [before, versionsBefore, refsBefore] = [await headSeq(t.db), await rowCount(t.db, modelVersions), await rowCount(t.db, datasetRefs)];
      const error = await rejection(createModelVersion(other, { slug, version: "9.9.9", datasets: [{ role: "training", name: "x" }], copyCardFrom: "1.0.0" }));
      expect(error).toBeInstanceOf(Forbidden);
      expect(error.message).toBe("Only the model's owner and maintainers can change it.");
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelVersions)).toBe(versionsBefore);
      expect(await rowCount(t.db, datasetRefs)).toBe(refsBefore);
    });

    it("lets a maintainer create versions", async () => {
      const model = (await modelRow(slug))!;
      await t.db.insert(modelMaintainers).values({ modelId: model.id, userId: other.actor.userId });
      const version = await createModelVersion(other, { slug, version: "2.0.0-rc.1", copyCardFrom: "1.1.0" });
      expect(version).toMatchObject({ version: "2.0.0-rc.1", createdBy: other.actor.userId, stage: "draft" });
      expect(await lastEvent(t.db)).toMatchObject({ action: "model_version.created", actorEmail: "other.owner@bank.eu", data: { copiedCardFrom: { version: "1.1.0", revision: 1 } } });
      expect((await revisionsOf(version.id))[0]).toMatchObject({ revision: 1, authorEmail: "other.owner@bank.eu", summary: "Copied from version 1.1.0 (revision 1)" });
      // Maintaining does not make the maintainer the owner.
      expect((await modelRow(slug))!.ownerId).toBe(org.owner.actor.userId);
    });

    it("is refused to compliance officers, auditors and admins, and writes nothing", async () => {
      const [before, versionsBefore] = [await headSeq(t.db), await rowCount(t.db, modelVersions)];
      for (const ctx of [org.officer, org.auditor, org.admin]) {
        expect(await rejection(createModelVersion(ctx, { slug, version: "3.0.0" })), ctx.actor.email).toBeInstanceOf(Forbidden);
      }
      expect(await headSeq(t.db)).toBe(before);
      expect(await rowCount(t.db, modelVersions)).toBe(versionsBefore);
    });

    it("copying from a version without a card copies nothing and says so", async () => {
      const fresh = await createModel(org.owner, { name: "No card yet" });
      await createModelVersion(org.owner, { slug: fresh.slug, version: "0.1.0" });
      const version = await createModelVersion(org.owner, { slug: fresh.slug, version: "0.2.0", copyCardFrom: "0.1.0" });
      expect(await revisionsOf(version.id)).toEqual([]);
      expect((await lastEvent(t.db)).data).toMatchObject({ version: "0.2.0", copiedCardFrom: null });
    });
  });
});
