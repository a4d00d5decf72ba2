/**
 * The privileges of the role the app connects as in production. The migrations run as the
 * owner of the schema; the app's role may read and write the tables but may never UPDATE,
 * DELETE or TRUNCATE the audit log, so rewriting history takes more than the app's password
 * (the triggers refuse it too, but an owner can disable triggers; a missing grant it cannot).
 *
 * The README prints these statements, and tests/integration/audit-tamper.test.ts runs them, so
 * what is documented is what is tested. Run them as the owner after the first migration; the
 * default privileges extend the grants to tables later migrations add (an append-only table
 * added later needs its own REVOKE, in the migration that adds it).
 */
export function appRoleGrantsSql(role: string, database: string): string[] {
  const r = quoteIdent(role);
  return [
    `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // Tables and sequences that later migrations (run by the owner) create get the same grants.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
    // The audit log: append and read only.
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${r}`,
    // Signed checkpoints and their keys are evidence about the log: the same.
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints, signing_keys FROM ${r}`,
  ];
}

/** Plain lower-case names as they are (so the README reads naturally), anything else quoted. */
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
