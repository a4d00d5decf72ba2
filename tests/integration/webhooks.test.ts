import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { modelMaintainers, modelVersions, notifications, webhookDeliveries, webhooks } from "@/db/schema";
import { verifyWebhookSignature } from "@/lib/domain/webhook-signature";
import { WEBHOOK_EVENT_TYPES, type TWebhookBody } from "@/lib/domain/webhook-events";
import { RULESET_VERSION } from "@/lib/domain/risk/ruleset";
import { emitAudit } from "@/lib/services/audit/emit";
import { NO_REQUEST, type ServiceContext } from "@/lib/services/context";
import { Conflict, Forbidden, InvalidInput } from "@/lib/services/errors";
import { saveModelCard } from "@/lib/services/model-cards/save-card";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import { markNotificationsRead } from "@/lib/services/notifications/mark-read";
import { sweepOverdueReviews } from "@/lib/services/notifications/overdue-sweep";
import { notificationsOf } from "@/lib/services/notifications/queries";
import { decideReview } from "@/lib/services/reviews/decide-review";
import { deployVersion } from "@/lib/services/reviews/deploy-version";
import { startPeriodicReview } from "@/lib/services/reviews/start-periodic-review";
import { retireVersion } from "@/lib/services/reviews/retire-version";
import { submitForReview } from "@/lib/services/reviews/submit-for-review";
import { confirmClassification } from "@/lib/services/risk/confirm-classification";
import { proposeClassification } from "@/lib/services/risk/propose-classification";
import { createUser } from "@/lib/services/users/create-user";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deactivateWebhook } from "@/lib/services/webhooks/deactivate-webhook";
import { dispatchDueDeliveries } from "@/lib/services/webhooks/dispatch";
import { pingWebhook } from "@/lib/services/webhooks/ping-webhook";
import { PRIVATE_RECEIVER } from "@/lib/services/webhooks/receiver-address";
import { redeliverDelivery } from "@/lib/services/webhooks/redeliver-delivery";
import { rotateWebhookSecret } from "@/lib/services/webhooks/rotate-webhook-secret";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";
import { completeCard } from "../helpers/cards";
import { contextFor, headSeq, lastEvent, rejection, rowCount, seedOrganisation, TEST_PASSWORD, type Organisation, type UserContext } from "../helpers/fixtures";
import { useReviewFixtures } from "../helpers/review-versions";
import { forEachDatabase, type TestDatabase } from "../helpers/test-db";

// The receivers here listen on 127.0.0.1, which webhooks may reach only when an operator allows
// private addresses; one test below takes the allowance away to show what happens without it.
process.env.ATTEST_WEBHOOK_ALLOW_PRIVATE = "true";

// Nothing listens on the discard port: deliveries written here are never sent in these tests.
const NOWHERE = "http://127.0.0.1:9/attest";

/** The demo organisation, a second compliance officer, and a way to get a minimal-risk version ready for review. */
function organisation(t: TestDatabase) {
  const state = { org: undefined as unknown as Organisation, officer2: undefined as unknown as UserContext, maintainer: undefined as unknown as UserContext, counter: 0 };
  beforeAll(async () => {
    state.org = await seedOrganisation(t.db);
    await createUser(state.org.admin, { email: "officer.two@bank.eu", name: "Otto Two", roles: ["compliance_officer"], password: TEST_PASSWORD });
    await createUser(state.org.admin, { email: "maintainer@bank.eu", name: "Mia Maintainer", roles: ["model_owner"], password: TEST_PASSWORD });
    state.officer2 = await contextFor(t.db, "officer.two@bank.eu");
    state.maintainer = await contextFor(t.db, "maintainer@bank.eu");
  });
  const readyVersion = async () => {
    const { org } = state;
    const system: ServiceContext = { db: t.db, actor: { kind: "system", name: "test" }, request: NO_REQUEST };
    const model = await createModel(system, { name: `Webhook test ${++state.counter}`, ownerEmail: org.owner.actor.email });
    await t.db.insert(modelMaintainers).values({ modelId: model.id, userId: state.maintainer.actor.userId });
    await createModelVersion(org.owner, { slug: model.slug, version: "1.0.0" });
    const target = { slug: model.slug, version: "1.0.0" };
    await saveModelCard(org.owner, { ...target, baseRevision: null, content: completeCard("minimal"), source: "api" });
    const proposal = await proposeClassification(org.owner, { slug: model.slug, rulesetVersion: RULESET_VERSION, answers: { role: "provider" } });
    await confirmClassification(org.officer, { classificationId: proposal.id });
    return { model, target };
  };
  return { state, readyVersion };
}

forEachDatabase("reactions to audit events", (t) => {
  const { state, readyVersion } = organisation(t);
  let all: string;
  let deploysOnly: string;

  beforeAll(async () => {
    all = (await createWebhook(state.org.admin, { url: NOWHERE, events: [...WEBHOOK_EVENT_TYPES] })).webhook.id;
    deploysOnly = (await createWebhook(state.org.admin, { url: `${NOWHERE}/deploys`, events: ["version.deployed"] })).webhook.id;
    const inactive = (await createWebhook(state.org.admin, { url: `${NOWHERE}/off`, events: [...WEBHOOK_EVENT_TYPES] })).webhook.id;
    await deactivateWebhook(state.org.admin, { id: inactive });
  });

  const deliveriesAt = (seq: number) => t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.auditSeq, seq)).orderBy(webhookDeliveries.eventType);
  const noticesAt = (seq: number) => t.db.select().from(notifications).where(eq(notifications.auditSeq, seq));
  const body = (payload: string) => JSON.parse(payload) as TWebhookBody & { data: Record<string, unknown> & { model: { slug: string }; version: { label: string; stage: string } } };
  const emails = async (userIds: string[]) => {
    const byId = new Map([state.org.admin, state.org.owner, state.org.officer, state.org.auditor, state.officer2, state.maintainer].map((c) => [c.actor.userId, c.actor.email]));
    return userIds.map((id) => byId.get(id)).sort();
  };

  it("submission: one delivery per subscribed active webhook, and every compliance officer is told, in the event's transaction", async () => {
    const { model, target } = await readyVersion();
    await submitForReview(state.org.owner, target);
    const event = await lastEvent(t.db);
    expect(event.action).toBe("review.submitted");
    const deliveries = await deliveriesAt(event.seq);
    expect(deliveries.map((d) => [d.webhookId, d.eventType, d.status, d.attempts])).toEqual([[all, "review.submitted", "pending", 0]]);
    const sent = body(deliveries[0]!.payload);
    expect(sent).toMatchObject({ type: "review.submitted", occurredAt: event.at, auditSeq: event.seq, data: { model: { slug: model.slug, name: model.name }, version: { label: "1.0.0", stage: "in_review" }, actor: "owner@attest.demo", tier: "minimal" } });
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);

    const notices = await noticesAt(event.seq);
    expect(await emails(notices.map((n) => n.userId))).toEqual(["officer.two@bank.eu", "officer@attest.demo"]);
    expect(notices[0]).toMatchObject({ kind: "review.submitted", title: `${model.name} 1.0.0 was submitted for review`, link: `/models/${model.slug}/reviews?version=1.0.0`, readAt: null });
  });

  it("decisions: approval recorded and review approved; owner, maintainer (and submitter) told, never the deciding officer", async () => {
    const { model, target } = await readyVersion();
    await submitForReview(state.maintainer, target);
    await decideReview(state.org.officer, { ...target, decision: "approve", comment: "Fine." });
    const event = await lastEvent(t.db);
    expect((await deliveriesAt(event.seq)).map((d) => d.eventType)).toEqual(["approval.recorded", "review.approved"]);
    const approved = body((await deliveriesAt(event.seq))[1]!.payload);
    expect(approved.data).toMatchObject({ version: { stage: "approved" }, stageAfter: "approved", approvalsValid: 1, required: 1, comment: "Fine.", actor: "officer@attest.demo" });
    const notices = await noticesAt(event.seq);
    expect(await emails(notices.map((n) => n.userId))).toEqual(["maintainer@bank.eu", "owner@attest.demo"]);
    expect(notices[0]!.title).toBe(`${model.name} 1.0.0 was approved`);

    await deployVersion(state.org.owner, { ...target, environment: "production", strategy: "canary" });
    const deployed = await lastEvent(t.db);
    const deployments = await deliveriesAt(deployed.seq);
    expect(deployments.map((d) => [d.webhookId, d.eventType]).sort()).toEqual([[all, "version.deployed"], [deploysOnly, "version.deployed"]].sort());
    expect(deployments[0]!.payload).toBe(deployments[1]!.payload);
    expect(body(deployments[0]!.payload).data).toMatchObject({ environment: "production", strategy: "canary", viaToken: false, version: { stage: "deployed" } });
    expect(await noticesAt(deployed.seq)).toEqual([]);

    await retireVersion(state.org.owner, { ...target, reason: "Replaced by 2.0." });
    const retired = await lastEvent(t.db);
    expect((await deliveriesAt(retired.seq)).map((d) => [d.webhookId, d.eventType])).toEqual([[all, "version.retired"]]);
    expect(body((await deliveriesAt(retired.seq))[0]!.payload).data).toMatchObject({ reason: "Replaced by 2.0.", version: { stage: "retired" } });
  });

  it.each([
    ["request_changes", "review.changes_requested", "needs changes"],
    ["reject", "review.rejected", "was rejected"],
  ] as const)("%s: the owner and maintainer are told, with the comment as text", async (decision, type, outcome) => {
    const { model, target } = await readyVersion();
    await submitForReview(state.org.owner, target);
    await decideReview(state.officer2, { ...target, decision, comment: "<b>Section 4</b> is thin." });
    const event = await lastEvent(t.db);
    expect((await deliveriesAt(event.seq)).map((d) => d.eventType)).toEqual([type]);
    const notices = await noticesAt(event.seq);
    expect(await emails(notices.map((n) => n.userId))).toEqual(["maintainer@bank.eu", "owner@attest.demo"]);
    expect(notices[0]!.title).toBe(`${model.name} 1.0.0 ${outcome}`);
    expect(notices[0]!.body).toBe("By officer.two@bank.eu. “<b>Section 4</b> is thin.”");
  });

  it("an invalidating change announces approval.invalidated and tells the reviewer whose approval fell", async () => {
    const { target } = await readyVersion();
    await submitForReview(state.org.owner, target);
    await decideReview(state.org.officer, { ...target, decision: "approve" });
    await saveModelCard(state.org.owner, { ...target, baseRevision: 1, content: completeCard("minimal", "v2"), source: "api" });
    const event = await lastEvent(t.db);
    expect(event.action).toBe("model_card.saved");
    const [delivery, ...more] = await deliveriesAt(event.seq);
    expect(more).toEqual([]);
    expect(delivery!.eventType).toBe("approval.invalidated");
    const sent = body(delivery!.payload);
    expect(sent.data).toMatchObject({ cause: "model_card.saved", stageBefore: "approved", stageAfter: "in_review", version: { stage: "in_review" } });
    expect((sent.data.approvals as { approverEmail: string }[]).map((a) => a.approverEmail)).toEqual(["officer@attest.demo"]);
    const notices = await noticesAt(event.seq);
    // The owner made the change (and submitted): not told. The maintainer and the approver are.
    expect(await emails(notices.map((n) => n.userId))).toEqual(["maintainer@bank.eu", "officer@attest.demo"]);
    expect(notices[0]).toMatchObject({ kind: "approval.invalidated" });
    expect(notices[0]!.body).toMatch(/^Changed by owner@attest.demo: /);
  });

  it("unrelated events write nothing, and nothing is announced when the transaction rolls back", async () => {
    const [deliveries, notices] = [await rowCount(t.db, webhookDeliveries), await rowCount(t.db, notifications)];
    const model = await createModel(state.org.owner, { name: "Quiet model" });
    await createModelVersion(state.org.owner, { slug: model.slug, version: "0.1.0" });
    expect([await rowCount(t.db, webhookDeliveries), await rowCount(t.db, notifications)]).toEqual([deliveries, notices]);

    const seq = await headSeq(t.db);
    const error = await rejection(
      t.db.transaction(async (tx) => {
        await emitAudit(tx as never, state.org.owner, { action: "review.submitted", entityType: "model_version", entityId: null, data: { slug: model.slug, version: "0.1.0", reviewRequestId: "00000000-0000-4000-8000-000000000000", dossierHash: "0".repeat(64), tier: "minimal" } });
        expect(await rowCount(tx as never, webhookDeliveries)).toBe(deliveries + 1);
        throw new Error("the verb failed after its event");
      }),
    );
    expect(error.message).toBe("the verb failed after its event");
    expect(await headSeq(t.db)).toBe(seq);
    expect([await rowCount(t.db, webhookDeliveries), await rowCount(t.db, notifications)]).toEqual([deliveries, notices]);
  });

  it("the overdue sweep tells owner, maintainer and approver once per version and due date", async () => {
    const { model, target } = await readyVersion();
    await submitForReview(state.org.owner, target);
    await decideReview(state.officer2, { ...target, decision: "approve" });
    const [version] = await t.db.select().from(modelVersions).where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, "1.0.0")));
    expect(version!.nextReviewDue!.getTime()).toBeGreaterThan(Date.now());
    const versionId = version!.id;
    const overdueOf = () => t.db.select().from(notifications).where(eq(notifications.kind, "review.overdue"));

    expect(await sweepOverdueReviews(t.db)).toBe(0);
    const due = new Date(Date.now() - 86_400_000);
    await t.db.update(modelVersions).set({ nextReviewDue: due }).where(eq(modelVersions.id, versionId));
    const seq = await headSeq(t.db);
    expect(await sweepOverdueReviews(t.db)).toBe(3);
    const notices = await overdueOf();
    expect(await emails(notices.map((n) => n.userId))).toEqual(["maintainer@bank.eu", "officer.two@bank.eu", "owner@attest.demo"]);
    expect(notices[0]).toMatchObject({ auditSeq: null, dedupeKey: `overdue:${versionId}:${due.toISOString()}` });
    expect(notices[0]!.body).toContain(due.toISOString().slice(0, 10));
    expect(await headSeq(t.db)).toBe(seq); // not audited: nothing changed but who was told

    expect(await sweepOverdueReviews(t.db)).toBe(0);
    expect(await sweepOverdueReviews(t.db, new Date(Date.now() + 3_600_000))).toBe(0);
    expect(await overdueOf()).toHaveLength(3);
    // A new due date (reviewed again, fallen overdue again) is a new reminder.
    await t.db.update(modelVersions).set({ nextReviewDue: new Date(due.getTime() - 1000) }).where(eq(modelVersions.id, versionId));
    expect(await sweepOverdueReviews(t.db)).toBe(3);
  });

  it("marking read touches only one's own notifications", async () => {
    const officer = state.org.officer;
    const before = await notificationsOf(t.db, officer.actor.userId);
    expect(before.unread).toBeGreaterThan(1);
    const [first, second] = before.items;
    expect(await markNotificationsRead(officer, { ids: [first!.id] })).toEqual({ marked: 1 });
    expect((await notificationsOf(t.db, officer.actor.userId)).unread).toBe(before.unread - 1);

    const ownerUnread = (await notificationsOf(t.db, state.org.owner.actor.userId)).unread;
    expect(await markNotificationsRead(state.org.owner, { ids: [second!.id] })).toEqual({ marked: 0 });
    expect(await markNotificationsRead(state.org.owner, { all: true })).toEqual({ marked: ownerUnread });
    expect((await notificationsOf(t.db, officer.actor.userId)).unread).toBe(before.unread - 1);
    expect(await markNotificationsRead(officer, { all: true })).toEqual({ marked: before.unread - 1 });
    expect((await notificationsOf(t.db, officer.actor.userId)).unread).toBe(0);
    expect(await rejection(markNotificationsRead(officer, { ids: [] }))).toBeInstanceOf(InvalidInput);
  });
});

type Received = { headers: IncomingHttpHeaders; body: string };

/**
 * A receiving server on 127.0.0.1 that answers with the next status in line (then 200); requests
 * to a path ending in /slow wait in `held` until the test answers them.
 */
function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const held: ((status: number) => void)[] = [];
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const answer = (status: number) => res.writeHead(status, status === 302 ? { Location: `${url}/elsewhere` } : {}).end("ok");
        if (req.url?.endsWith("/slow")) held.push(answer);
        else answer(statuses.shift() ?? 200);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/attest`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, statuses, held, get url() { return url; } };
}

forEachDatabase("webhook administration and the dispatcher", (t) => {
  const { state } = organisation(t);
  const inbox = receiver();
  const SECRET = "whsec_receiver-knows-this-one-0123456789";

  const deliveryRow = async (id: string) => (await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;

  it("create: http(s) only, no credentials in the URL, admin only; the secret is shown once and stored sealed, never audited", async () => {
    const admin = state.org.admin;
    for (const url of ["ftp://example.test/hook", "javascript:alert(1)", "https://user:pw@example.test/hook", "not a url"]) {
      expect(await rejection(createWebhook(admin, { url, events: ["review.submitted"] }))).toBeInstanceOf(InvalidInput);
    }
    expect(await rejection(createWebhook(admin, { url: NOWHERE, events: [] }))).toBeInstanceOf(InvalidInput);
    expect(await rejection(createWebhook(admin, { url: NOWHERE, events: ["model.created"] }))).toBeInstanceOf(InvalidInput);
    for (const who of [state.org.owner, state.org.officer, state.org.auditor]) {
      expect(await rejection(createWebhook(who, { url: NOWHERE, events: ["review.submitted"] }))).toBeInstanceOf(Forbidden);
    }

    const capability = "https://hooks.example.test/attest/T0KEN-in-path?key=s3cr3t-in-query";
    const { webhook, secret } = await createWebhook(admin, { url: capability, events: ["version.retired", "review.submitted"], description: "CI" });
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(webhook.events).toEqual(["review.submitted", "version.retired"]);
    const [stored] = await t.db.select().from(webhooks).where(eq(webhooks.id, webhook.id));
    expect(stored!.secretCiphertext).not.toContain(secret.slice(6));
    const event = await lastEvent(t.db);
    // The audit log names the receiver by origin and hash: the URL's path and query can be a capability.
    const receiver = (url: string) => ({ origin: new URL(url).origin, urlSha256: createHash("sha256").update(url).digest("hex") });
    expect(event).toMatchObject({ action: "webhook.created", entityType: "webhook", entityId: webhook.id, data: { receiver: receiver(capability), events: ["review.submitted", "version.retired"], secretSupplied: false } });
    expect(receiver(capability).origin).toBe("https://hooks.example.test");
    expect(JSON.stringify(event)).not.toContain(secret.slice(6));
    expect(JSON.stringify(event)).not.toMatch(/T0KEN|s3cr3t/);

    const updated = await updateWebhook(admin, { id: webhook.id, events: ["version.deployed"], description: "CI pipeline" });
    expect(updated.events).toEqual(["version.deployed"]);
    expect((await lastEvent(t.db)).data).toEqual({ receiver: receiver(capability), changes: { events: { before: ["review.submitted", "version.retired"], after: ["version.deployed"] }, description: { before: "CI", after: "CI pipeline" } } });
    expect(await rejection(updateWebhook(admin, { id: webhook.id, description: "CI pipeline" }))).toBeInstanceOf(InvalidInput);
    const moved = "https://hooks.example.test/attest/N3W-T0KEN";
    expect((await updateWebhook(admin, { id: webhook.id, url: moved })).url).toBe(moved);
    const change = await lastEvent(t.db);
    expect(change.data).toEqual({ receiver: receiver(moved), changes: { url: { before: receiver(capability), after: receiver(moved) } } });
    expect(JSON.stringify(change)).not.toMatch(/T0KEN|s3cr3t/);

    await deactivateWebhook(admin, { id: webhook.id });
    expect(await rejection(deactivateWebhook(admin, { id: webhook.id }))).toBeInstanceOf(Conflict);
    expect(await rejection(pingWebhook(admin, { id: webhook.id }))).toBeInstanceOf(Conflict);
    await updateWebhook(admin, { id: webhook.id, active: true });
    await deactivateWebhook(admin, { id: webhook.id });
  });

  it("delivers the stored body, signed so the receiver can verify it, with the documented headers", async () => {
    const { webhook } = await createWebhook(state.org.admin, { url: inbox.url, events: ["review.submitted"], secret: SECRET });
    const ping = await pingWebhook(state.org.admin, { id: webhook.id });
    expect(await lastEvent(t.db)).toMatchObject({ action: "webhook.pinged", data: { receiver: { origin: new URL(inbox.url).origin }, deliveryId: ping.id } });

    expect(await dispatchDueDeliveries(t.db)).toEqual({ attempted: 1, delivered: 1 });
    const [got] = inbox.received.splice(0);
    // The receiver's side: only the raw body, the headers and the secret it was given.
    const verified = verifyWebhookSignature({ secret: SECRET, timestamp: got!.headers["x-attest-timestamp"] as string, body: got!.body, signature: got!.headers["x-attest-signature"] as string });
    expect(verified).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret: "whsec_some-other-secret-0000000000", timestamp: got!.headers["x-attest-timestamp"] as string, body: got!.body, signature: got!.headers["x-attest-signature"] as string })).toEqual({ ok: false, reason: "mismatch" });
    expect(got!.headers).toMatchObject({ "content-type": "application/json", "x-attest-event": "webhook.ping", "x-attest-delivery": ping.id });
    expect(Math.abs(Number(got!.headers["x-attest-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);
    expect(got!.body).toBe(ping.payload);
    expect(JSON.parse(got!.body)).toMatchObject({ type: "webhook.ping", auditSeq: null, data: { webhookId: webhook.id, requestedBy: "admin@attest.demo" } });
    expect(await deliveryRow(ping.id)).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null });
    expect(await dispatchDueDeliveries(t.db)).toEqual({ attempted: 0, delivered: 0 });

    // After a rotation the same kind of delivery verifies with the new secret only.
    const { secret: rotated } = await rotateWebhookSecret(state.org.admin, { id: webhook.id });
    expect(JSON.stringify(await lastEvent(t.db))).not.toContain(rotated.slice(6));
    await pingWebhook(state.org.admin, { id: webhook.id });
    await dispatchDueDeliveries(t.db);
    const [again] = inbox.received.splice(0);
    const check = (secret: string) => verifyWebhookSignature({ secret, timestamp: again!.headers["x-attest-timestamp"] as string, body: again!.body, signature: again!.headers["x-attest-signature"] as string });
    expect([check(rotated).ok, check(SECRET).ok]).toEqual([true, false]);
    await rotateWebhookSecret(state.org.admin, { id: webhook.id, secret: SECRET });
    await deactivateWebhook(state.org.admin, { id: webhook.id });
  });

  it("retries after a 500 with backoff, records each attempt, fails after the last retry; an admin can redeliver", async () => {
    const { webhook } = await createWebhook(state.org.admin, { url: inbox.url, events: ["review.submitted"], secret: SECRET });
    const ping = await pingWebhook(state.org.admin, { id: webhook.id });
    inbox.statuses.push(500, 500, 302, 503, 500, 500);
    let now = new Date();
    const delays = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];

    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await dispatchDueDeliveries(t.db, { now })).toEqual({ attempted: 1, delivered: 0 });
      const row = await deliveryRow(ping.id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastAttemptAt?.getTime()).toBe(now.getTime());
      if (attempt === 3) expect(row).toMatchObject({ lastStatusCode: 302, lastError: "The receiver answered HTTP 302 (redirects are not followed)." });
      else expect(row.lastError).toBe(`The receiver answered HTTP ${row.lastStatusCode}.`);
      if (attempt < 6) {
        expect(row.status).toBe("pending");
        expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + delays[attempt - 1]!);
        // Not due yet: nothing is sent.
        expect(await dispatchDueDeliveries(t.db, { now: new Date(row.nextAttemptAt.getTime() - 1000) })).toEqual({ attempted: 0, delivered: 0 });
        now = new Date(row.nextAttemptAt.getTime() + 1);
      } else {
        expect(row.status).toBe("failed");
      }
    }
    // The redirect was not followed: the receiver saw exactly six requests, all to the webhook's path.
    expect(inbox.received.splice(0).map((r) => r.headers["x-attest-delivery"])).toEqual(Array(6).fill(ping.id));
    expect(await dispatchDueDeliveries(t.db, { now: new Date(now.getTime() + 86_400_000) })).toEqual({ attempted: 0, delivered: 0 });

    expect(await rejection(redeliverDelivery(state.org.officer, { deliveryId: ping.id }))).toBeInstanceOf(Forbidden);
    await redeliverDelivery(state.org.admin, { deliveryId: ping.id });
    expect(await lastEvent(t.db)).toMatchObject({ action: "webhook.redelivered", data: { deliveryId: ping.id, eventType: "webhook.ping", attempts: 6 } });
    expect(await rejection(redeliverDelivery(state.org.admin, { deliveryId: ping.id }))).toBeInstanceOf(Conflict);
    expect(await dispatchDueDeliveries(t.db)).toEqual({ attempted: 1, delivered: 1 });
    expect(await deliveryRow(ping.id)).toMatchObject({ status: "delivered", attempts: 7, lastStatusCode: 200, lastError: null });
    expect(inbox.received.splice(0).map((r) => r.body)).toEqual([ping.payload]);
    await deactivateWebhook(state.org.admin, { id: webhook.id });
  });

  it("an unreachable receiver is a recorded failure; two dispatchers at once send each delivery once", async () => {
    const { webhook: dead } = await createWebhook(state.org.admin, { url: NOWHERE, events: ["review.submitted"], secret: SECRET });
    const lost = await pingWebhook(state.org.admin, { id: dead.id });
    await dispatchDueDeliveries(t.db);
    expect(await deliveryRow(lost.id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect((await deliveryRow(lost.id)).lastError).toMatch(/^The request failed: /);
    await deactivateWebhook(state.org.admin, { id: dead.id });

    const { webhook } = await createWebhook(state.org.admin, { url: inbox.url, events: ["review.submitted"], secret: SECRET });
    const pings = [];
    for (let i = 0; i < 5; i++) pings.push(await pingWebhook(state.org.admin, { id: webhook.id }));
    const results = await Promise.all([dispatchDueDeliveries(t.db), dispatchDueDeliveries(t.db)]);
    expect(results.reduce((n, r) => n + r.attempted, 0)).toBe(5);
    expect(inbox.received.splice(0).map((r) => r.headers["x-attest-delivery"]).sort()).toEqual(pings.map((p) => p.id).sort());
    await deactivateWebhook(state.org.admin, { id: webhook.id });
  });

  it("without ATTEST_WEBHOOK_ALLOW_PRIVATE, private receivers are refused when saved and again when sent to", async () => {
    const admin = state.org.admin;
    const byName = inbox.url.replace("127.0.0.1", "localhost");
    // Saved while allowed (as an operator might have), then the allowance is taken away.
    const { webhook: named } = await createWebhook(admin, { url: byName, events: ["review.submitted"], secret: SECRET });
    const { webhook: literal } = await createWebhook(admin, { url: inbox.url, events: ["review.submitted"], secret: SECRET });
    delete process.env.ATTEST_WEBHOOK_ALLOW_PRIVATE;
    try {
      for (const url of [byName, inbox.url, "http://[::1]:8080/hook", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/hook", "http://192.168.1.1/hook", "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0:3000/", "http://[fd00::1]/hook"]) {
        const error = await rejection(createWebhook(admin, { url, events: ["review.submitted"] }));
        expect(error, url).toBeInstanceOf(InvalidInput);
        expect(error.message).toBe(PRIVATE_RECEIVER);
      }
      expect(await rejection(updateWebhook(admin, { id: named.id, url: "http://172.16.0.9/hook" }))).toBeInstanceOf(InvalidInput);
      // A public address is accepted (and a name that does not resolve is left to the send-time check).
      const { webhook: outside } = await createWebhook(admin, { url: "https://93.184.215.14/hook", events: ["review.submitted"] });
      await deactivateWebhook(admin, { id: outside.id });

      const pings = [await pingWebhook(admin, { id: named.id }), await pingWebhook(admin, { id: literal.id })];
      expect(await dispatchDueDeliveries(t.db)).toEqual({ attempted: 2, delivered: 0 });
      for (const ping of pings) expect(await deliveryRow(ping.id)).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: PRIVATE_RECEIVER });
      expect(inbox.received).toEqual([]);
    } finally {
      process.env.ATTEST_WEBHOOK_ALLOW_PRIVATE = "true";
    }
    await deactivateWebhook(admin, { id: named.id });
    await deactivateWebhook(admin, { id: literal.id });
  });

  it("records each attempt as it ends: a slow receiver does not hold back the others' records", async () => {
    const { webhook: slow } = await createWebhook(state.org.admin, { url: `${inbox.url}/slow`, events: ["review.submitted"], secret: SECRET });
    const { webhook: fast } = await createWebhook(state.org.admin, { url: `${inbox.url}/fast`, events: ["review.submitted"], secret: SECRET });
    const [slowPing, fastPing] = [await pingWebhook(state.org.admin, { id: slow.id }), await pingWebhook(state.org.admin, { id: fast.id })];
    const batch = dispatchDueDeliveries(t.db);
    await vi.waitFor(async () => expect((await deliveryRow(fastPing.id)).status).toBe("delivered"), { timeout: 5000, interval: 50 });
    expect(inbox.held).toHaveLength(1);
    expect(await deliveryRow(slowPing.id)).toMatchObject({ status: "pending", attempts: 0 });
    inbox.held.splice(0).forEach((answer) => answer(200));
    expect(await batch).toEqual({ attempted: 2, delivered: 2 });
    expect(await deliveryRow(slowPing.id)).toMatchObject({ status: "delivered", attempts: 1 });
    inbox.received.splice(0);
    await deactivateWebhook(state.org.admin, { id: slow.id });
    await deactivateWebhook(state.org.admin, { id: fast.id });
  });

  it("leases run on the database's clock, and a send that outlived its lease records nothing", async () => {
    const { webhook } = await createWebhook(state.org.admin, { url: `${inbox.url}/slow`, events: ["review.submitted"], secret: SECRET });
    const ping = await pingWebhook(state.org.admin, { id: webhook.id });
    const first = dispatchDueDeliveries(t.db);
    await vi.waitFor(() => expect(inbox.held).toHaveLength(1), { timeout: 5000, interval: 20 });

    // An instance whose own clock runs five minutes ahead still sees the lease as held. (PGlite
    // runs in this process and reads its clock, so only a separate server can show the skew.)
    if (t.kind === "postgres") {
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 5 * 60_000 });
      try {
        expect(await dispatchDueDeliveries(t.db)).toEqual({ attempted: 0, delivered: 0 });
      } finally {
        vi.useRealTimers();
      }
    }
    expect(await dispatchDueDeliveries(t.db)).toEqual({ attempted: 0, delivered: 0 });

    // Once the lease has really ended, another dispatcher takes the delivery over and delivers it.
    const second = dispatchDueDeliveries(t.db, { now: new Date(Date.now() + 5 * 60_000) });
    await vi.waitFor(() => expect(inbox.held).toHaveLength(2), { timeout: 5000, interval: 20 });
    const [answerFirst, answerSecond] = inbox.held.splice(0);
    answerSecond!(200);
    expect(await second).toEqual({ attempted: 1, delivered: 1 });
    // The first send ends late, in failure: it no longer holds the lease, so it leaves the record alone.
    answerFirst!(500);
    expect(await first).toEqual({ attempted: 1, delivered: 0 });
    expect(await deliveryRow(ping.id)).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null });
    inbox.received.splice(0);
    await deactivateWebhook(state.org.admin, { id: webhook.id });
  });
});

forEachDatabase("periodic reviews' webhooks", (t) => {
  const f = useReviewFixtures(t, "Periodic webhook");
  beforeAll(async () => {
    await createWebhook(f.org.admin, { url: NOWHERE, events: [...WEBHOOK_EVENT_TYPES] });
  });
  const typesAt = async (seq: number) => (await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.auditSeq, seq)).orderBy(webhookDeliveries.eventType)).map((d) => d.eventType);

  it.each([
    ["approved", false],
    ["deployed", true],
  ] as const)("a high-risk %s version: review.approved goes out with the second approval, which renews it, and not before", async (stage, deployed) => {
    const { model, target } = await f.versions.approvedVersion("high");
    if (deployed) await deployVersion(f.org.owner, { ...target, environment: "production" });
    await t.db.update(modelVersions).set({ nextReviewDue: new Date(Date.now() - 86_400_000) }).where(eq(modelVersions.modelId, model.id));
    await startPeriodicReview(f.org.officer, target);

    expect(await decideReview(f.org.officer, { ...target, decision: "approve" })).toMatchObject({ stage, approvalsValid: 1, required: 2 });
    const first = await lastEvent(t.db);
    expect(await typesAt(first.seq)).toEqual(["approval.recorded"]);
    const [notice] = await t.db.select().from(notifications).where(and(eq(notifications.auditSeq, first.seq), eq(notifications.userId, f.org.owner.actor.userId)));
    expect(notice!.title).toBe(`${model.name} 1.0.0: approval 1 of 2 recorded`);

    expect(await decideReview(f.officer2, { ...target, decision: "approve" })).toMatchObject({ stage, approvalsValid: 2, required: 2 });
    const second = await lastEvent(t.db);
    expect(await typesAt(second.seq)).toEqual(["approval.recorded", "review.approved"]);
    const [approved] = await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.auditSeq, second.seq), eq(webhookDeliveries.eventType, "review.approved")));
    expect(JSON.parse(approved!.payload).data).toMatchObject({ stageBefore: stage, stageAfter: stage, approvalsValid: 2, required: 2, version: { stage } });
    const [done] = await t.db.select().from(notifications).where(and(eq(notifications.auditSeq, second.seq), eq(notifications.userId, f.org.owner.actor.userId)));
    expect(done!.title).toBe(`${model.name} 1.0.0 was approved`);
  });
});
