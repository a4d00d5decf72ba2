/**
 * Canonical JSON, the byte form that every hash in Attest is computed over (audit events,
 * dossiers, card revisions). It is JSON with:
 *  - object keys sorted by UTF-16 code unit order (JavaScript's default sort), recursively;
 *  - no whitespace outside strings;
 *  - strings escaped as JSON.stringify escapes them;
 *  - numbers in ECMAScript's shortest round-trip form (JSON.stringify), finite only; -0 is 0;
 *  - dates as ISO 8601 UTC with milliseconds ("2026-01-31T09:30:00.000Z");
 *  - object members whose value is undefined left out; null kept.
 * This is RFC 8785 (JCS) for the values Attest stores; scripts/audit-verify.mjs re-implements it
 * with nothing but Node so that an outsider can check the log without our code.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot represent ${value}`);
      return JSON.stringify(value);
    case "object":
      // Array.from visits holes too (map skips them, which would give "[,1]").
      if (Array.isArray(value)) return `[${Array.from(value, (v) => canonicalJson(v ?? null)).join(",")}]`;
      return `{${Object.keys(value as object)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
        .join(",")}}`;
    default:
      throw new TypeError(`canonical JSON cannot represent a ${typeof value}`);
  }
}
