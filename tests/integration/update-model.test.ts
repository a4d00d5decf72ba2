import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { modelMaintainers, models } from "@/db/schema";
import { Forbidden, InvalidInput } from "@/lib/services/errors";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { modelBySlug } from "@/lib/services/models/queries";
import { updateModel } from "@/lib/services/models/update-model";
import { createUser } from "@/lib/services/users/create-user";
import { contextFor, eventsSince, headSeq, rejection, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { forEachDatabase } from "../helpers/test-db";

forEachDatabase("updateModel: details, owner and maintainers", (t) => {
  let org: Organisation;
  let colleague: UserContext;
  beforeAll(async () => {
    org = await seedOrganisation(t.db);
    await createUser(org.admin, { email: "colleague@bank.eu", name: "Cora Colleague", roles: ["model_owner"], password: TEST_PASSWORD });
    colleague = await contextFor(t.db, "colleague@bank.eu");
  });

  it("changes details, audits exactly the changed fields, and writes nothing when nothing changed", async () => {
    const model = await createModel(org.owner, { name: "Churn propensity", purpose: "Predicts churn.", tags: ["crm"] });
    const before = await headSeq(t.db);
    await updateModel(org.owner, { slug: model.slug, purpose: "Predicts which customers may leave in the next quarter.", tags: ["crm", "retention"], name: "Churn propensity" });
    const events = await eventsSince(t.db, before);
    expect(events.map((e) => [e.action, e.data])).toEqual([
      ["model.updated", { slug: model.slug, changes: { purpose: { before: "Predicts churn.", after: "Predicts which customers may leave in the next quarter." }, tags: { before: ["crm"], after: ["crm", "retention"] } } }],
    ]);
    const again = await headSeq(t.db);
    await updateModel(org.owner, { slug: model.slug, tags: ["crm", "retention"] });
    expect(await headSeq(t.db)).toBe(again);
  });

  it("a maintainer may then edit the model and its card; an outsider may not", async () => {
    const model = await createModel(org.owner, { name: "Collections prioritiser" });
    await createModelVersion(org.owner, { slug: model.slug, version: "1.0.0" });
    expect(await rejection(saveModelCard(colleague, { slug: model.slug, version: "1.0.0", baseRevision: null, content: { intendedUse: { primaryUses: "x" } }, source: "editor" }))).toBeInstanceOf(Forbidden);
    expect(await rejection(updateModel(colleague, { slug: model.slug, maintainerEmails: ["colleague@bank.eu"] }))).toBeInstanceOf(Forbidden);
    await updateModel(org.owner, { slug: model.slug, maintainerEmails: ["colleague@bank.eu"] });
    expect((await modelBySlug(t.db, model.slug))!.maintainers).toEqual([{ email: "colleague@bank.eu", name: "Cora Colleague" }]);
    const saved = await saveModelCard(colleague, { slug: model.slug, version: "1.0.0", baseRevision: null, content: { intendedUse: { primaryUses: "Orders collection calls." } }, source: "editor" });
    expect(saved.revision.revision).toBe(1);
    await updateModel(colleague, { slug: model.slug, businessUnit: "Collections" });
  });

  it("hands the accountable owner over only to an active model owner; the model always has one", async () => {
    const model = await createModel(org.owner, { name: "Limit setter" });
    const refused = await rejection(updateModel(org.owner, { slug: model.slug, ownerEmail: "auditor@attest.demo" }));
    expect(refused).toBeInstanceOf(InvalidInput);
    expect(refused.details).toEqual({ fields: { ownerEmail: "auditor@attest.demo is not an active model owner." } });
    await updateModel(org.owner, { slug: model.slug, maintainerEmails: ["colleague@bank.eu"] });
    await updateModel(org.owner, { slug: model.slug, ownerEmail: "colleague@bank.eu" });
    const [row] = await t.db.select().from(models).where(eq(models.id, model.id));
    expect(row!.ownerId).toBe(colleague.actor.userId);
    // The new owner is not also listed as a maintainer.
    expect(await t.db.select().from(modelMaintainers).where(eq(modelMaintainers.modelId, model.id))).toEqual([]);
    expect(await rejection(updateModel(org.owner, { slug: model.slug, name: "Not mine any more" }))).toBeInstanceOf(Forbidden);
  });

  it("refuses roles without models.write", async () => {
    const model = await createModel(org.owner, { name: "Deposit forecaster" });
    for (const who of [org.officer, org.auditor, org.admin]) expect(await rejection(updateModel(who, { slug: model.slug, name: "x" }))).toBeInstanceOf(Forbidden);
  });
});
