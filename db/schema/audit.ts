import { bigint, check, customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { canonicalJson } from "../../lib/domain/canonical-json";

// An event's data is stored as its canonical JSON text, the very bytes the hash covers, so the
// database can recompute the chain from the columns alone (lib/services/audit/chain-sql.ts).
// jsonb would not do: it reorders keys and rewrites numbers (1e21 comes back as 1000…0).
// Ad-hoc queries cast it: data::jsonb ->> 'slug'.
const canonicalJsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => canonicalJson(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
});

// Append-only (triggers in migrations reject UPDATE, DELETE, TRUNCATE). No foreign keys on
// purpose: an event outlives whatever it describes, and copies the actor as they were.
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email").notNull(),
    actorRoles: text("actor_roles").array().notNull(),
    tokenId: uuid("token_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    data: canonicalJsonText("data").notNull(),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    // Audit page filters; each pairs with seq so keyset pagination (seq < cursor) stays an index scan.
    index("audit_events_actor_idx").on(t.actorEmail, t.seq),
    index("audit_events_action_idx").on(t.action, t.seq),
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.seq),
    // A model's history asks for the events of several entities (the model and its versions) at once.
    index("audit_events_entity_id_idx").on(t.entityId, t.seq),
    index("audit_events_at_idx").on(t.at),
  ],
);

// The single row every append locks (SELECT … FOR UPDATE): it serialises writers from any
// number of app instances into one gap-free chain.
export const auditHead = pgTable(
  "audit_head",
  {
    id: integer("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [check("audit_head_single_row", sql`${t.id} = 1`)],
);

export type TAuditEventRow = typeof auditEvents.$inferSelect;

/**
 * Ed25519 keys that sign checkpoints. The private key is stored encrypted with the app secret when
 * Attest generated it; when the key is configured (environment) only the public half is stored,
 * so old checkpoints stay verifiable after a key rotation.
 */
export const signingKeys = pgTable("signing_keys", {
  // The key id: hex SHA-256 of the raw public key, first 16 characters.
  id: text("id").primaryKey(),
  // Raw 32-byte public key, base64.
  publicKey: text("public_key").notNull(),
  privateKeyCiphertext: text("private_key_ciphertext"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A signed statement "at this time the chain's head was (seq, hash)". Append-only (trigger). A
 * verifier checks each signature and that the chain's hash at seq is head_hash, so a rewritten
 * and re-chained history no longer matches the checkpoints signed before it.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  headHash: text("head_hash").notNull(),
  signedAt: timestamp("signed_at", { withTimezone: true, precision: 3 }).notNull(),
  keyId: text("key_id").notNull(),
  // base64 Ed25519 signature over the checkpoint's canonical JSON {seq, headHash, signedAt, keyId}.
  signature: text("signature").notNull(),
});

export type TAuditCheckpoint = typeof auditCheckpoints.$inferSelect;
export type TSigningKey = typeof signingKeys.$inferSelect;
