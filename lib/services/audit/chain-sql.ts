import { sql, type SQL } from "drizzle-orm";

/**
 * The audit hash as the database computes it from an event's columns: the same bytes as
 * auditEventHash (lib/domain/audit-chain.ts), SHA-256(prev_hash ‖ canonical JSON), so verification
 * and appends run in SQL without sending events to JavaScript. The canonical JSON, keys in sorted
 * order: `data` is stored canonical already; strings go through to_json, which escapes exactly as
 * JSON.stringify does (tests/integration/audit-sql-chain.test.ts proves both on tricky input);
 * uuids print as plain lower-case hex; `at` keeps milliseconds, as the column does.
 *
 * Inline SQL rather than a stored function on purpose: the table owner who can switch off the
 * append-only triggers could also redefine a function of ours to bless a forged row; built-ins in
 * pg_catalog (searched first) only a superuser can touch.
 *
 * `from` qualifies the columns (a table alias), or is empty for unqualified names.
 */
export function auditCanonicalSql(from = ""): SQL {
  const c = (column: string) => sql.raw(from ? `${from}.${column}` : column);
  const str = (column: string) => sql`to_json(${c(column)})::text`;
  const nullable = (column: string) => sql`coalesce(to_json(${c(column)})::text, 'null')`;
  const uuid = (column: string) => sql`coalesce('"' || ${c(column)}::text || '"', 'null')`;
  return sql`'{"action":' || ${str("action")}
    || ',"actorEmail":' || ${str("actor_email")}
    || ',"actorId":' || ${uuid("actor_id")}
    || ',"actorRoles":' || ${str("actor_roles")}
    || ',"at":"' || to_char(${c("at")} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    || '","data":' || ${c("data")}
    || ',"entityId":' || ${nullable("entity_id")}
    || ',"entityType":' || ${str("entity_type")}
    || ',"ip":' || ${nullable("ip")}
    || ',"prevHash":' || ${str("prev_hash")}
    || ',"requestId":' || ${nullable("request_id")}
    || ',"seq":' || ${c("seq")}::text
    || ',"tokenId":' || ${uuid("token_id")}
    || ',"userAgent":' || ${nullable("user_agent")}
    || '}'`;
}

/** hex(SHA-256(prev_hash ‖ canonical)) over the UTF-8 bytes, as auditEventHash computes it. */
export function auditHashSql(from = ""): SQL {
  const prevHash = sql.raw(from ? `${from}.prev_hash` : "prev_hash");
  return sql`encode(sha256(convert_to(${prevHash} || ${auditCanonicalSql(from)}, 'UTF8')), 'hex')`;
}
