-- An event's data is kept as its canonical JSON text (lib/domain/canonical-json.ts) instead of
-- jsonb, whose text form is not canonical (key order, number forms): the database can then
-- recompute the audit chain from the columns alone (lib/services/audit/chain-sql.ts).
-- The functions below convert the rows already written; the tests hold them to canonicalJson.
--> statement-breakpoint
-- A number as JavaScript writes it: JSON.stringify of the double JSON.parse reads. That is the
-- fewest significant digits that read back as the same double (of two such, the closer to it, the
-- even one on a tie), laid out as Number.prototype.toString does. PostgreSQL's float8 output is
-- also shortest but not the same (1.8922551344498712e+16 where JavaScript writes
-- 18922551344498710), so the digits are found here, from the double's exact decimal value.
CREATE OR REPLACE FUNCTION attest_js_number(n numeric) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  v float8; bits bigint; m numeric; e int; d text; p int; k int;
  lo text; hi text; hi_p int; lo_ok boolean; hi_ok boolean;
BEGIN
  -- What JSON.parse reads as 0 or -0, both written 0.
  IF abs(n) <= 2.47032822920623272088284396434110686182529901307162382212793e-324 THEN RETURN '0'; END IF;
  v := abs(n)::float8;
  -- v = m × 2^e exactly, from its bits; its exact decimal digits d, with v = 0.<d> × 10^p.
  bits := ('x' || encode(float8send(v), 'hex'))::bit(64)::bigint;
  m := bits & 4503599627370495;
  IF bits >> 52 > 0 THEN m := m + 4503599627370496; END IF;
  e := greatest((bits >> 52)::int, 1) - 1075;
  d := trunc(m * CASE WHEN e >= 0 THEN 2::numeric ^ e ELSE 5::numeric ^ -e END)::text;
  p := length(d) + least(e, 0);
  d := rtrim(d, '0');
  FOR i IN 1..17 LOOP
    lo := left(d, i);
    EXIT WHEN length(d) <= i; -- exact
    hi := (lo::numeric + 1)::text; -- may carry into one more digit ('99' → '100')
    hi_p := p + length(hi) - i;
    lo_ok := ('0.' || lo || 'e' || p)::float8 = v;
    -- From the largest double plus half an ulp up, a number reads as Infinity (float8 refuses it).
    hi_ok := ('0.' || hi || 'e' || hi_p)::numeric < 179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792
      AND ('0.' || hi || 'e' || hi_p)::float8 = v;
    -- Both read back as v: hi when the digits cut off are over half a unit, or half and lo is odd.
    IF lo_ok AND hi_ok AND (substr(d, i + 1) COLLATE "C" > '5' OR (substr(d, i + 1) = '5' AND right(lo, 1)::int % 2 = 1)) THEN
      lo_ok := false;
    END IF;
    EXIT WHEN lo_ok;
    IF hi_ok THEN lo := hi; p := hi_p; EXIT; END IF;
  END LOOP;
  d := rtrim(lo, '0');
  k := length(d);
  RETURN CASE WHEN n < 0 THEN '-' ELSE '' END || CASE
    WHEN k <= p AND p <= 21 THEN d || repeat('0', p - k)
    WHEN 0 < p AND p <= 21 THEN left(d, p) || '.' || substr(d, p + 1)
    WHEN -6 < p AND p <= 0 THEN '0.' || repeat('0', -p) || d
    ELSE left(d, 1) || CASE WHEN k > 1 THEN '.' || substr(d, 2) ELSE '' END
      || 'e' || CASE WHEN p > 0 THEN '+' ELSE '-' END || abs(p - 1)::text
  END;
END
$$;
--> statement-breakpoint
-- JavaScript sorts keys by UTF-16 code units, where characters beyond U+FFFF (surrogate pairs)
-- come before U+E000–U+FFFF; byte order (COLLATE "C") puts them after. Prefixing each with a
-- marker that sorts in the right place makes byte order agree with UTF-16 order.
CREATE OR REPLACE FUNCTION attest_utf16_sort_key(k text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT regexp_replace(regexp_replace(k, '([\uE000-\uFFFF])', E'\uE001\\1', 'g'), '([\U00010000-\U0010FFFF])', E'\uE000\\1', 'g')
$$;
--> statement-breakpoint
-- canonicalJson(JSON.parse(v::text)) of lib/domain/canonical-json.ts. Strings: to_json escapes
-- exactly as JSON.stringify does. Converts the stored events; kept for ad-hoc use.
CREATE OR REPLACE FUNCTION attest_canonical_jsonb(v jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
  CASE jsonb_typeof(v)
    WHEN 'object' THEN
      RETURN '{' || coalesce((SELECT string_agg(to_json(key)::text || ':' || attest_canonical_jsonb(value), ','
        ORDER BY attest_utf16_sort_key(key) COLLATE "C") FROM jsonb_each(v)), '') || '}';
    WHEN 'array' THEN
      RETURN '[' || coalesce((SELECT string_agg(attest_canonical_jsonb(value), ',' ORDER BY i)
        FROM jsonb_array_elements(v) WITH ORDINALITY AS e(value, i)), '') || ']';
    WHEN 'number' THEN RETURN attest_js_number(v::text::numeric);
    WHEN 'string' THEN RETURN to_json(v #>> '{}')::text;
    ELSE RETURN v::text; -- true, false, null
  END CASE;
END
$$;
--> statement-breakpoint
-- Rewrites the table (row triggers do not fire): every event keeps its hash, which was computed
-- over exactly this text.
ALTER TABLE "audit_events" ALTER COLUMN "data" SET DATA TYPE text USING attest_canonical_jsonb("data");
