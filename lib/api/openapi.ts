import { z } from "zod";
import { ZAuditFiltersSchema } from "./audit-filters";
import { SCOPES } from "@/lib/auth/permissions";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";
import { ZIssuedDocumentsQuerySchema } from "@/lib/services/documents/queries";
import { ZInventoryQuerySchema } from "@/lib/services/models/inventory";
import { ZModelCardSchema } from "@/lib/domain/model-card/schema";
import { ZRiskAnswersSchema } from "@/lib/domain/risk/ruleset";

/**
 * The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json. Every route file
 * must appear here: e2e/api/openapi.spec.ts compares this list with the route files.
 */
type Operation = {
  method: "get" | "post" | "put" | "patch";
  path: string;
  summary: string;
  /** Token scope, or "session" for routes only a signed-in browser may use, or null for public. */
  scope: (typeof SCOPES)[number] | "session" | null;
  body?: z.ZodType | { contentType: string; description: string };
  query?: z.ZodObject;
  responses: Record<string, string>;
};

const ERRORS = { "400": "Invalid input, with a message per field", "401": "No valid session or token", "403": "Missing permission or scope" };

const OPERATIONS: Operation[] = [
  { method: "get", path: "/api/v1/openapi.json", summary: "This document", scope: null, responses: { "200": "OpenAPI 3.1 JSON" } },
  { method: "get", path: "/api/v1/models", summary: "The model inventory: search, filters, sorting, paging", scope: "models:read", query: ZInventoryQuerySchema, responses: { "200": "{ models, total, page, pageSize }", ...ERRORS } },
  { method: "post", path: "/api/v1/models", summary: "Register a model", scope: "models:write", body: z.object({ name: z.string(), slug: z.string().optional(), purpose: z.string().optional(), businessUnit: z.string().optional(), tags: z.array(z.string()).optional(), ownerEmail: z.string().optional() }), responses: { "201": "The model", "409": "The slug is taken", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}", summary: "A model with its versions", scope: "models:read", responses: { "200": "The model", "404": "Unknown model", ...ERRORS } },
  { method: "patch", path: "/api/v1/models/{slug}", summary: "Change a model's details, accountable owner or maintainers", scope: "models:write", body: z.object({ name: z.string().optional(), purpose: z.string().optional(), businessUnit: z.string().optional(), tags: z.array(z.string()).optional(), ownerEmail: z.string().optional(), maintainerEmails: z.array(z.string()).optional() }), responses: { "200": "The model", "404": "Unknown model", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions", summary: "Create a version (optionally copying an earlier version's card)", scope: "models:write", body: z.object({ version: z.string(), artifactUri: z.string().optional(), framework: z.string().optional(), experimentRef: z.string().optional(), datasets: z.array(z.object({ role: z.enum(["training", "validation", "test", "monitoring"]), name: z.string(), version: z.string().optional(), uri: z.string().optional(), contentHash: z.string().optional() })).optional(), copyCardFrom: z.string().optional() }), responses: { "201": "The version", "404": "Unknown model", "409": "The label is taken", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}", summary: "A version with its data lineage and current card revision", scope: "models:read", responses: { "200": "The version", "404": "Unknown model or version", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}/card", summary: "The card content (ETag names the revision); ?format=huggingface|cyclonedx for exports", scope: "models:read", query: z.object({ format: z.enum(["huggingface", "cyclonedx"]).optional() }), responses: { "200": "The card (application/json), a README.md (text/markdown) or a CycloneDX 1.6 BOM", "404": "Unknown model or version", ...ERRORS } },
  { method: "put", path: "/api/v1/models/{slug}/versions/{version}/card", summary: "Save a new card revision (If-Match required); text/markdown imports a Hugging Face card", scope: "models:write", body: ZModelCardSchema, responses: { "201": "{ revision, contentHash, changedFields }", "200": "Unchanged: identical content", "409": "Stale If-Match: someone saved in between (details hold their revision)", "412": "Malformed If-Match", "415": "Not JSON or markdown", "422": "Invalid card, with a message per field", "428": "If-Match missing", ...ERRORS } },
  { method: "post", path: "/api/v1/risk/evaluate", summary: "Evaluate questionnaire answers with the current ruleset (stateless)", scope: "models:read", body: ZRiskAnswersSchema, responses: { "200": "{ rulesetVersion, tier, flags, legalBasis, obligations, rationale }", "422": "Unknown keys or values, named", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/classifications", summary: "Propose a classification from questionnaire answers", scope: "models:write", body: z.object({ rulesetVersion: z.string(), answers: ZRiskAnswersSchema }), responses: { "201": "The proposed classification", "409": "The ruleset changed since the answers were given (details list the changed questions)", "422": "Invalid answers", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/classifications", summary: "The model's classification history", scope: "models:read", responses: { "200": "{ classifications }", "404": "Unknown model", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/classifications/{id}/confirm", summary: "Confirm a proposed classification (compliance officer)", scope: "session", responses: { "200": "The decided classification", "409": "Already decided", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/classifications/{id}/override", summary: "Override the proposed tier with a written justification (compliance officer)", scope: "session", body: z.object({ tier: z.enum(["prohibited", "high", "limited", "minimal"]), justification: z.string() }), responses: { "200": "The decided classification", "409": "Already decided", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/obligations", summary: "The model's obligations with status and evidence", scope: "models:read", responses: { "200": "{ obligations }", "404": "Unknown model", ...ERRORS } },
  { method: "patch", path: "/api/v1/obligations/{id}", summary: "Change an obligation's status, note, owner or due date", scope: "models:write", body: z.object({ status: z.enum(["not_started", "in_progress", "met", "not_applicable"]).optional(), note: z.string().optional(), ownerEmail: z.string().nullable().optional(), dueDate: z.string().nullable().optional() }), responses: { "200": "The obligation", ...ERRORS } },
  { method: "post", path: "/api/v1/obligations/{id}/evidence", summary: "Add a note, link or file (multipart/form-data: note, url, file; 10 MB)", scope: "models:write", body: { contentType: "multipart/form-data", description: "Fields note, url, file" }, responses: { "201": "The evidence with its SHA-256", "413": "File too large", "415": "Not multipart", ...ERRORS } },
  { method: "get", path: "/api/v1/evidence/{id}", summary: "Download an evidence file (audited)", scope: "models:read", responses: { "200": "The file", "404": "Unknown evidence", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/evaluations", summary: "Evaluate a predictions file (text/csv or TSV, streamed; query: name, label, prediction, score, sensitive=A,B, positive, reference=A:GROUP, intersections=A*B, latencyMs) or post counts (application/json). Accept: application/x-ndjson streams progress.", scope: "evaluations:write", body: { contentType: "text/csv", description: "The predictions table, with a header row" }, responses: { "201": "The evaluation: id, name, rows, inputSha256, status, thresholds, overall, attributes, intersections", "200": "With Accept: application/x-ndjson: progress lines, then a result or error line", ...ERRORS, "400": "Invalid mapping", "413": "File too large", "415": "Not CSV, TSV or JSON", "422": "The file cannot be evaluated: details name the row, column and value" } },
  { method: "get", path: "/api/v1/uploads/{id}", summary: "Progress of one's own upload in flight (send X-Upload-Id: <uuid> with the upload)", scope: "evaluations:write", responses: { "200": "{ bytes, rows, updatedAt }", "404": "Unknown upload", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}/evaluations", summary: "A version's evaluations, newest first", scope: "models:read", responses: { "200": "{ evaluations }", "404": "Unknown model or version", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}/evaluations/{id}", summary: "One evaluation, in the same shape as the upload's answer", scope: "models:read", responses: { "200": "The evaluation", "404": "Unknown evaluation", ...ERRORS } },
  { method: "post", path: "/api/v1/evaluations/{id}/waiver", summary: "Waive a failing evaluation with a justification and an expiry (compliance officer)", scope: "session", body: z.object({ justification: z.string(), expiresAt: z.string() }), responses: { "201": "The waiver", "409": "The evaluation is not failing", ...ERRORS } },
  { method: "get", path: "/api/v1/admin/policy/fairness", summary: "Fairness thresholds per risk tier", scope: "models:read", responses: { "200": "Thresholds by tier (unset tiers use the defaults)", ...ERRORS } },
  { method: "put", path: "/api/v1/admin/policy/fairness", summary: "Set the fairness thresholds per risk tier (admin)", scope: "session", responses: { "200": "The policy", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}/gate", summary: "The deployment gate: may this version be deployed now? (approved or deployed, valid approvals on the current dossier, review not overdue)", scope: "gate:read", responses: { "200": "{ deployable: true, stage, dossierHash, approvals, nextReviewDue, reasons: [] }", "409": "{ deployable: false, reasons: [{ code, message }], stage, dossierHash, approvals, nextReviewDue }", "404": "Unknown model or version", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/submit", summary: "Submit a draft version for review (the model's owner or a maintainer)", scope: "models:write", body: z.object({}), responses: { "200": "{ reviewRequestId, stage, dossierHash, submittedAt }", "409": "Not a draft (or retired)", "422": "Unmet preconditions: details.preconditions lists { code, message, link }", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/decisions", summary: "Approve, request changes or reject (compliance officer; a comment is required for the last two)", scope: "session", body: z.object({ decision: z.enum(["approve", "request_changes", "reject"]), comment: z.string().optional() }), responses: { ...ERRORS, "201": "{ decision, stage, approvalsValid, required, nextReviewDue }", "403": "Separation of duties: owner, maintainer, submitter, card author, admin or auditor, or a second approval by the same officer", "409": "Not in review, or already fully approved", "422": "The version no longer meets the preconditions", "400": "Invalid input, or a comment is missing" } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/deployments", summary: "Record a deployment (the model's owner or a maintainer, or their pipeline's token)", scope: "deployments:write", body: z.object({ environment: z.string(), strategy: z.enum(["direct", "canary", "blue-green", "shadow"]).optional() }), responses: { "201": "{ deployment, stage }", "409": "The gate says no: details.gate holds its reasons", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/retire", summary: "Retire an approved or deployed version with a reason (kept 10 years, read-only)", scope: "deployments:write", body: z.object({ reason: z.string() }), responses: { "200": "The version with leftServiceAt and retentionUntil", "409": "Not approved or deployed", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/periodic-review", summary: "Start the periodic re-review of an approved or deployed version due within 30 days or overdue (compliance officer, or the model's owner or a maintainer); the version stays in service", scope: "session", body: z.object({}), responses: { "201": "{ reviewRequestId, stage, dossierHash, submittedAt, nextReviewDue }", "409": "Not approved or deployed, not due yet, or a review is already open", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}/comments", summary: "Review comments on the version's card fields, thread by thread (not part of the dossier)", scope: "models:read", responses: { "200": "{ threads: [{ id, fieldPath, body, authorEmail, createdAt, resolvedAt, resolvedByEmail, replies }], unresolved }", "404": "Unknown model or version", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/comments", summary: "Comment on one card field (compliance officer)", scope: "session", body: z.object({ fieldPath: z.string(), body: z.string() }), responses: { "201": "The comment", "409": "The version is retired", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/comments/{id}/replies", summary: "Answer in a comment's thread (the model's owner or a maintainer, or a compliance officer)", scope: "session", body: z.object({ body: z.string() }), responses: { "201": "The answer", "404": "Unknown comment", "409": "The comment is resolved, or the version retired", ...ERRORS } },
  { method: "post", path: "/api/v1/models/{slug}/versions/{version}/comments/{id}/resolve", summary: "Resolve a comment's thread (the model's owner or a maintainer, or the comment's author)", scope: "session", body: z.object({}), responses: { "200": "The resolved comment", "404": "Unknown comment", "409": "Already resolved, or the version retired", ...ERRORS } },
  { method: "get", path: "/api/v1/reviews/queue", summary: "What waits for review, most urgent first (high risk, then oldest); overdue re-reviews included", scope: "session", query: z.object({ scope: z.enum(["mine", "all"]).optional() }), responses: { "200": "{ items: [{ kind, reason, slug, modelName, version, tier, stage, since, submittedBy, approvalsValid, approvalsRequired, approvedBy }] }", ...ERRORS } },
  { method: "get", path: "/api/v1/admin/policy/approvals", summary: "The approval policy: approvals required and review interval per risk tier", scope: "models:read", responses: { "200": "{ high, limited, minimal }: { approvalsRequired, reviewIntervalDays }", ...ERRORS } },
  { method: "put", path: "/api/v1/admin/policy/approvals", summary: "Set the approval policy (admin); high risk needs at least 2 approvals", scope: "session", body: z.object({}).passthrough(), responses: { "200": "The policy", ...ERRORS } },
  { method: "get", path: "/api/v1/audit/events", summary: "Audit events in seq order from afterSeq", scope: "audit:read", query: z.object({ afterSeq: z.number().int().optional(), limit: z.number().int().max(1000).optional() }), responses: { "200": "{ events, nextAfterSeq }", ...ERRORS } },
  { method: "get", path: "/api/v1/audit/verify", summary: "Recompute the audit chain, check every signed checkpoint against it, and that checkpoints have not stopped (ok only when all hold)", scope: "audit:read", responses: { "200": "{ ok, chainOk, checked, headSeq, headHash, firstBrokenSeq?, reason?, checkpoints: { ok, checked, lastGoodSeq?, firstFailingSeq?, uncoveredSeq? (checkpoints stopped: the first event none covers, over 65 minutes old), reason? } }", ...ERRORS } },
  { method: "get", path: "/api/v1/audit/public-key", summary: "The Ed25519 public keys that sign audit checkpoints (also printed in every issued PDF)", scope: "audit:read", responses: { "200": "{ keys: [{ keyId, algorithm: \"Ed25519\", publicKey (raw 32 bytes, base64), publicKeyPem, createdAt, current }] }", ...ERRORS } },
  { method: "get", path: "/api/v1/audit/export", summary: "Download filtered audit events as JSONL or CSV (the download is audited)", scope: "audit:read", query: ZAuditFiltersSchema.extend({ format: z.enum(["jsonl", "csv"]).optional() }), responses: { "200": "The export", ...ERRORS } },
  { method: "get", path: "/api/v1/models/{slug}/versions/{version}/documentation.pdf", summary: "Issue and download the version's EU AI Act Annex IV technical documentation (application/pdf; recorded and audited; X-Content-SHA256 and X-Document-Id headers)", scope: "reports:read", responses: { "200": "The PDF (attachment)", "404": "Unknown model or version", ...ERRORS } },
  { method: "get", path: "/api/v1/reports/portfolio.pdf", summary: "Issue and download the portfolio report of every model (application/pdf; recorded and audited)", scope: "reports:read", responses: { "200": "The PDF (attachment)", ...ERRORS } },
  { method: "get", path: "/api/v1/documents/verify", summary: "Did Attest issue exactly this file? Look an issued document up by the SHA-256 of its bytes", scope: "reports:read", query: z.object({ sha256: z.string().regex(/^[0-9a-fA-F]{64}$/) }), responses: { "200": "{ issued: true, documentId, kind, model, version, issuedAt, issuedBy }", "404": "{ issued: false }", ...ERRORS } },
  { method: "get", path: "/api/v1/documents", summary: "The register of issued documents, newest first (paginated; filter by model slug or kind)", scope: "reports:read", query: ZIssuedDocumentsQuerySchema, responses: { "200": "{ documents: [{ documentId, kind, model, version, sha256, sizeBytes, issuedAt, issuedBy, auditSeq }], total, page, pageSize }", ...ERRORS } },
  { method: "get", path: "/api/v1/reports/inventory.csv", summary: "Download the model inventory as CSV (RFC 4180, cells that a spreadsheet would run as formulas are prefixed with '; the download is audited)", scope: "reports:read", responses: { "200": "The CSV (attachment)", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/users", summary: "Create a user (admin, browser session)", scope: "session", responses: { "201": "{ user, oneTimePassword }", "409": "The email is taken", ...ERRORS } },
  { method: "put", path: "/api/v1/admin/users/{id}/roles", summary: "Change a user's roles", scope: "session", responses: { "200": "{ id, roles }", "409": "Would leave no active admin", ...ERRORS } },
  { method: "put", path: "/api/v1/admin/users/{id}/auditor-expiry", summary: "Set or clear an auditor's access expiry", scope: "session", responses: { "200": "{ id, auditorExpiresAt }", ...ERRORS } },
  { method: "put", path: "/api/v1/admin/users/{id}/active", summary: "Deactivate or reactivate a user", scope: "session", responses: { "200": "{ id, active }", "409": "Would leave no active admin", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/tokens", summary: "Issue an API token (the secret is returned once)", scope: "session", responses: { "201": "{ id, name, scopes, expiresAt, secret }", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/tokens/{id}/revoke", summary: "Revoke an API token", scope: "session", responses: { "200": "{ id, revokedAt }", "409": "Already revoked", ...ERRORS } },
  { method: "get", path: "/api/v1/admin/webhooks", summary: "Outgoing webhooks with their pending and failed delivery counts (admin; never the secret)", scope: "session", responses: { "200": "{ webhooks: [{ id, url, description, events, active, pending, failed }] }", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/webhooks", summary: "Add a webhook (admin): http(s) URL, event types; the signing secret is generated (or supplied) and returned once", scope: "session", body: z.object({ url: z.string(), events: z.array(z.enum(WEBHOOK_EVENT_TYPES)), description: z.string().optional(), secret: z.string().optional() }), responses: { "201": "{ webhook, secret }", ...ERRORS } },
  { method: "patch", path: "/api/v1/admin/webhooks/{id}", summary: "Change a webhook's URL, events, description or active flag (admin)", scope: "session", body: z.object({ url: z.string().optional(), events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).optional(), description: z.string().optional(), active: z.boolean().optional() }), responses: { "200": "{ webhook }", "404": "Unknown webhook", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/webhooks/{id}/rotate-secret", summary: "Replace a webhook's signing secret (admin); the new one is returned once", scope: "session", body: z.object({ secret: z.string().optional() }), responses: { "200": "{ id, secret }", "404": "Unknown webhook", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/webhooks/{id}/deactivate", summary: "Stop a webhook (admin); it and its delivery log are kept", scope: "session", responses: { "200": "{ id, active }", "404": "Unknown webhook", "409": "Already inactive", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/webhooks/{id}/ping", summary: "Send a test event (webhook.ping) to this webhook (admin)", scope: "session", responses: { "202": "{ deliveryId, status, eventType }", "404": "Unknown webhook", "409": "The webhook is inactive", ...ERRORS } },
  { method: "get", path: "/api/v1/admin/webhooks/{id}/deliveries", summary: "A webhook's delivery log, newest first (admin)", scope: "session", query: z.object({ limit: z.number().int().max(500).optional() }), responses: { "200": "{ deliveries: [{ id, eventType, auditSeq, status, attempts, nextAttemptAt, lastAttemptAt, lastStatusCode, lastError, deliveredAt }] }", "404": "Unknown webhook", ...ERRORS } },
  { method: "post", path: "/api/v1/admin/webhook-deliveries/{id}/redeliver", summary: "Try a failed delivery once more, now, with the same body (admin)", scope: "session", responses: { "200": "{ id, status, attempts, nextAttemptAt }", "404": "Unknown delivery", "409": "Not failed, or the webhook is inactive", ...ERRORS } },
  { method: "get", path: "/api/v1/notifications", summary: "The signed-in user's own notifications, newest first, with the unread count", scope: "session", query: z.object({ limit: z.number().int().max(100).optional() }), responses: { "200": "{ items: [{ id, kind, title, body, link, createdAt, readAt }], unread }", ...ERRORS } },
  { method: "post", path: "/api/v1/notifications/read", summary: "Mark some ({ ids }) or all ({ all: true }) of one's own notifications read", scope: "session", body: z.object({ ids: z.array(z.string()).optional(), all: z.literal(true).optional() }), responses: { "200": "{ marked }", ...ERRORS } },
  { method: "post", path: "/api/v1/account/password", summary: "Change one's own password", scope: "session", responses: { "200": "{ ok }", ...ERRORS } },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

function queryParameters(schema: z.ZodObject) {
  return Object.keys(schema.shape).map((name) => ({ name, in: "query", required: false, schema: jsonSchema(schema.shape[name] as z.ZodType) }));
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const body = op.body && ("contentType" in op.body
      ? { content: { [op.body.contentType]: { schema: { type: "string", description: op.body.description } } } }
      : { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } });
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
      ...(body ? { requestBody: body } : {}),
      security: op.scope === null ? [] : op.scope === "session" ? [{ session: [] }] : [{ bearer: [op.scope] }],
      responses: Object.fromEntries(Object.entries(op.responses).map(([code, description]) => [code, { description }])),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Attest API", version: "1", description: "Errors are { error: { code, message, details? } }. Tokens act as their owner, limited to their scopes." },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: `API token. Scopes: ${SCOPES.join(", ")}.` },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A signed-in browser session" },
      },
    },
    paths,
  };
}

/** "METHOD /path/{param}" for each operation: what the sync test compares with the route files. */
export const documentedOperations = () => OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`);
