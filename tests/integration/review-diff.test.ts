import { expect, it } from "vitest";
import { diffCards } from "@/lib/domain/model-card/diff";
import { latestCardRevision } from "@/lib/services/model-cards/queries";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModelVersion } from "@/lib/services/models/create-version";
import { loadModelVersion } from "@/lib/services/models/load";
import { lastApprovedCard } from "@/lib/services/reviews/last-approved-card";
import { completeCard } from "../helpers/cards";
import { useReviewFixtures } from "../helpers/review-versions";
import { forEachDatabase } from "../helpers/test-db";

forEachDatabase("the review page's diff against the last approved version", (t) => {
  const f = useReviewFixtures(t, "Diff test");

  it("compares with the card revision approved for the model's last approved version, not a later edit of it", async () => {
    const { model, target } = await f.versions.approvedVersion("minimal");
    const first = await loadModelVersion(t.db, model.slug, "1.0.0");
    expect(await lastApprovedCard(t.db, first.model, first.version)).toBeNull();

    await createModelVersion(f.org.owner, { slug: model.slug, version: "1.1.0", copyCardFrom: "1.0.0" });
    const second = await loadModelVersion(t.db, model.slug, "1.1.0");
    const unchanged = await lastApprovedCard(t.db, second.model, second.version);
    expect(unchanged!.version.version).toBe("1.0.0");
    expect(unchanged!.card!.revision).toBe(1);

    // 1.0.0 is edited after its approval (invalidating it); 1.1.0 changes one field of its own.
    await saveModelCard(f.org.owner, { ...target, baseRevision: 1, content: completeCard("minimal", "after approval"), source: "api" });
    const edited = completeCard("minimal");
    edited.modelDetails!.description = "Now with a description.";
    await saveModelCard(f.org.owner, { slug: model.slug, version: "1.1.0", baseRevision: 1, content: edited, source: "api" });

    const compared = await lastApprovedCard(t.db, second.model, second.version);
    expect(compared!.card!.revision).toBe(1);
    const latest = await loadModelVersion(t.db, model.slug, "1.1.0");
    const current = await latestCardRevision(t.db, latest.version.id);
    expect(diffCards(compared!.card!.content, current!.content).map((c) => [c.section, c.field, c.before, c.after])).toEqual([["modelDetails", "description", null, "Now with a description."]]);
  });
});
